#include "ccurl.h"

#include <dlfcn.h>

#include "docwright_library.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libcurl's entry points, resolved once by docwright_curl_load. */
static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    CURLM *(*multi_init)(void);
    CURLMcode (*multi_cleanup)(CURLM *);
    CURLMcode (*multi_add_handle)(CURLM *, CURL *);
    CURLMcode (*multi_remove_handle)(CURLM *, CURL *);
    CURLMcode (*multi_perform)(CURLM *, int *);
    CURLMcode (*multi_poll)(CURLM *, struct curl_waitfd *, unsigned int, int, int *);
    CURLMcode (*multi_wakeup)(CURLM *);
    CURLMsg *(*multi_info_read)(CURLM *, int *);
    CURLMcode (*multi_setopt)(CURLM *, CURLMoption, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char load_error[512];

#define RESOLVE(handle, field, name) DOCWRIGHT_RESOLVE(api, load_error, "libcurl", handle, field, name)

static void load(void) {
    /* DOCWRIGHT_LIBCURL names the library when it lives elsewhere; otherwise the sonames of
     * libcurl4 (OpenSSL), libcurl3-gnutls (what git pulls in on Debian/Ubuntu), and the -dev link. */
    const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *handle = docwright_library_open("DOCWRIGHT_LIBCURL", names, sizeof names / sizeof names[0], "libcurl",
                                          "apt-get install libcurl4", load_error, sizeof load_error);
    if (handle == NULL) return;
    RESOLVE(handle, global_init, "curl_global_init");
    RESOLVE(handle, easy_init, "curl_easy_init");
    RESOLVE(handle, easy_cleanup, "curl_easy_cleanup");
    RESOLVE(handle, easy_reset, "curl_easy_reset");
    RESOLVE(handle, easy_strerror, "curl_easy_strerror");
    RESOLVE(handle, easy_setopt, "curl_easy_setopt");
    RESOLVE(handle, easy_getinfo, "curl_easy_getinfo");
    RESOLVE(handle, multi_init, "curl_multi_init");
    RESOLVE(handle, multi_cleanup, "curl_multi_cleanup");
    RESOLVE(handle, multi_add_handle, "curl_multi_add_handle");
    RESOLVE(handle, multi_remove_handle, "curl_multi_remove_handle");
    RESOLVE(handle, multi_perform, "curl_multi_perform");
    RESOLVE(handle, multi_poll, "curl_multi_poll");
    RESOLVE(handle, multi_wakeup, "curl_multi_wakeup");
    RESOLVE(handle, multi_info_read, "curl_multi_info_read");
    RESOLVE(handle, multi_setopt, "curl_multi_setopt");
    RESOLVE(handle, slist_append, "curl_slist_append");
    RESOLVE(handle, slist_free_all, "curl_slist_free_all");
    CURLcode code = api.global_init(CURL_GLOBAL_DEFAULT);
    if (code != CURLE_OK) {
        snprintf(load_error, sizeof load_error, "curl_global_init failed: %s", api.easy_strerror(code));
        return;
    }
    load_status = 0;
}

int docwright_curl_load(char *error, size_t capacity) {
    pthread_once(&load_once, load);
    if (load_status != 0 && error != NULL && capacity > 0) {
        snprintf(error, capacity, "%s", load_error);
    }
    return load_status;
}

CURL *docwright_easy_init(void) { return api.easy_init(); }
void docwright_easy_cleanup(CURL *handle) { api.easy_cleanup(handle); }
void docwright_easy_reset(CURL *handle) { api.easy_reset(handle); }
const char *docwright_easy_strerror(CURLcode code) { return api.easy_strerror(code); }

CURLcode docwright_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return api.easy_setopt(handle, option, value);
}
CURLcode docwright_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return api.easy_setopt(handle, option, value);
}
CURLcode docwright_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return api.easy_setopt(handle, option, value);
}
CURLcode docwright_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return api.easy_setopt(handle, option, value);
}
CURLcode docwright_easy_setopt_write_callback(CURL *handle, CURLoption option, docwright_curl_write_callback callback) {
    return api.easy_setopt(handle, option, callback);
}
CURLcode docwright_easy_setopt_xferinfo_callback(CURL *handle, docwright_curl_xferinfo_callback callback) {
    return api.easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

CURLcode docwright_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) { return api.easy_getinfo(handle, info, value); }
CURLcode docwright_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) { return api.easy_getinfo(handle, info, value); }
CURLcode docwright_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) { return api.easy_getinfo(handle, info, value); }
CURLcode docwright_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) { return api.easy_getinfo(handle, info, value); }

CURLM *docwright_multi_init(void) { return api.multi_init(); }
CURLMcode docwright_multi_cleanup(CURLM *multi) { return api.multi_cleanup(multi); }
CURLMcode docwright_multi_add_handle(CURLM *multi, CURL *handle) { return api.multi_add_handle(multi, handle); }
CURLMcode docwright_multi_remove_handle(CURLM *multi, CURL *handle) { return api.multi_remove_handle(multi, handle); }
CURLMcode docwright_multi_perform(CURLM *multi, int *running) { return api.multi_perform(multi, running); }
CURLMcode docwright_multi_poll(CURLM *multi, int timeout_ms) { return api.multi_poll(multi, NULL, 0, timeout_ms, NULL); }
CURLMcode docwright_multi_wakeup(CURLM *multi) { return api.multi_wakeup(multi); }
CURLMsg *docwright_multi_info_read(CURLM *multi, int *remaining) { return api.multi_info_read(multi, remaining); }
CURLMcode docwright_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return api.multi_setopt(multi, option, value);
}

CURLcode docwright_multi_msg_result(const CURLMsg *message) { return message->data.result; }
CURL *docwright_multi_msg_easy(const CURLMsg *message) { return message->easy_handle; }

struct curl_slist *docwright_slist_append(struct curl_slist *list, const char *line) { return api.slist_append(list, line); }
void docwright_slist_free_all(struct curl_slist *list) { api.slist_free_all(list); }

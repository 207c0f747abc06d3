#ifndef DOCWRIGHT_CCURL_SHIM_H
#define DOCWRIGHT_CCURL_SHIM_H
#include <curl/curl.h>

/*
 * Swift cannot call C variadic functions, so every use of curl_easy_setopt,
 * curl_easy_getinfo and curl_multi_setopt goes through one of these typed wrappers.
 * Each wrapper passes exactly the argument type libcurl documents for the option kind.
 */

/* Callback types, named so Swift sees them as @convention(c) function types. */
typedef size_t (*docwright_curl_write_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*docwright_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                                curl_off_t ultotal, curl_off_t ulnow);

/* ---- curl_easy_setopt ---- */

/* Options documented as taking a `long` (CURLOPTTYPE_LONG). */
static inline CURLcode docwright_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/* Options taking a C string (CURLOPTTYPE_STRINGPOINT); libcurl copies the string. */
static inline CURLcode docwright_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Options taking an object pointer (CURLOPTTYPE_OBJECTPOINT / CURLOPTTYPE_SLISTPOINT / CBPOINT).
 * Declared const so Swift can pass read-only buffers too (e.g. CURLOPT_COPYPOSTFIELDS). */
static inline CURLcode docwright_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

/* Options taking a curl_off_t (CURLOPTTYPE_OFF_T), e.g. CURLOPT_POSTFIELDSIZE_LARGE. */
static inline CURLcode docwright_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/* CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
static inline CURLcode docwright_easy_setopt_write_callback(CURL *handle, CURLoption option,
                                                           docwright_curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/* CURLOPT_XFERINFOFUNCTION. */
static inline CURLcode docwright_easy_setopt_xferinfo_callback(CURL *handle,
                                                              docwright_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

/* ---- curl_easy_getinfo ---- */

static inline CURLcode docwright_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docwright_easy_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docwright_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docwright_easy_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode docwright_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

/* ---- curl_multi_setopt ---- */

static inline CURLMcode docwright_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode docwright_multi_setopt_pointer(CURLM *handle, CURLMoption option, void *value) {
    return curl_multi_setopt(handle, option, value);
}

/* ---- CURLMsg ---- */

/* `CURLMsg.data` is a C union; these read its members without Swift touching the union. */
static inline CURLcode docwright_multi_msg_result(const CURLMsg *message) {
    return message->data.result;
}

static inline CURL *docwright_multi_msg_easy(const CURLMsg *message) {
    return message->easy_handle;
}

#endif

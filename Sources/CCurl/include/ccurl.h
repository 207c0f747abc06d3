#ifndef DOCWRIGHT_CCURL_H
#define DOCWRIGHT_CCURL_H
#include <stddef.h>
#include <curl/curl.h>

/*
 * libcurl, loaded with dlopen on the first request instead of linked: libcurl pulls in ~30
 * shared libraries (OpenSSL, GnuTLS, Kerberos, LDAP, ...) whose loading, relocation and
 * initialisation would otherwise cost every `docwright lsp` start-up ~40 % of its instructions
 * and ~5.6 MB of resident memory, before any model is ever asked.
 *
 * curl.h is included for its types and constants only. Swift must call the docwright_*
 * functions below, never curl_* directly: the binary does not link libcurl, so a direct call
 * fails at link time.
 *
 * The typed setopt/getinfo wrappers also exist because Swift cannot call C variadic functions;
 * each passes exactly the argument type libcurl documents for the option kind.
 */

/* Loads libcurl ($DOCWRIGHT_LIBCURL, else libcurl.so.4, libcurl-gnutls.so.4, libcurl.so) and runs curl_global_init, once per process; thread-safe.
 * Returns 0 on success; otherwise writes a message into `error` (if given) and returns -1,
 * and every later call fails the same way. No other function may be called before it succeeds. */
int docwright_curl_load(char *error, size_t capacity);

/* Callback types, named so Swift sees them as @convention(c) function types. */
typedef size_t (*docwright_curl_write_callback)(char *data, size_t size, size_t count, void *userdata);
typedef int (*docwright_curl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                                curl_off_t ultotal, curl_off_t ulnow);

/* ---- easy handles ---- */
CURL *docwright_easy_init(void);
void docwright_easy_cleanup(CURL *handle);
void docwright_easy_reset(CURL *handle);
const char *docwright_easy_strerror(CURLcode code);

/* curl_easy_setopt: options taking a `long` (CURLOPTTYPE_LONG). */
CURLcode docwright_easy_setopt_long(CURL *handle, CURLoption option, long value);
/* Options taking a C string (CURLOPTTYPE_STRINGPOINT); libcurl copies the string. */
CURLcode docwright_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
/* Options taking an object pointer (OBJECTPOINT / SLISTPOINT / CBPOINT). Const so Swift can pass
 * read-only buffers too (e.g. CURLOPT_COPYPOSTFIELDS). */
CURLcode docwright_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value);
/* Options taking a curl_off_t (CURLOPTTYPE_OFF_T), e.g. CURLOPT_POSTFIELDSIZE_LARGE. */
CURLcode docwright_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
/* CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
CURLcode docwright_easy_setopt_write_callback(CURL *handle, CURLoption option, docwright_curl_write_callback callback);
/* CURLOPT_XFERINFOFUNCTION. */
CURLcode docwright_easy_setopt_xferinfo_callback(CURL *handle, docwright_curl_xferinfo_callback callback);

CURLcode docwright_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode docwright_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLcode docwright_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode docwright_easy_getinfo_string(CURL *handle, CURLINFO info, char **value);

/* ---- multi handles ---- */
CURLM *docwright_multi_init(void);
CURLMcode docwright_multi_cleanup(CURLM *multi);
CURLMcode docwright_multi_add_handle(CURLM *multi, CURL *handle);
CURLMcode docwright_multi_remove_handle(CURLM *multi, CURL *handle);
CURLMcode docwright_multi_perform(CURLM *multi, int *running);
CURLMcode docwright_multi_poll(CURLM *multi, int timeout_ms);
/* Safe from any thread (libcurl documents it so). */
CURLMcode docwright_multi_wakeup(CURLM *multi);
CURLMsg *docwright_multi_info_read(CURLM *multi, int *remaining);
CURLMcode docwright_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* `CURLMsg.data` is a C union; these read its members without Swift touching the union. */
CURLcode docwright_multi_msg_result(const CURLMsg *message);
CURL *docwright_multi_msg_easy(const CURLMsg *message);

/* ---- header lists ---- */
struct curl_slist *docwright_slist_append(struct curl_slist *list, const char *line);
void docwright_slist_free_all(struct curl_slist *list);

#endif

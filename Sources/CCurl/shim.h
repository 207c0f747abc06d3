#ifndef DOCWRIGHT_CCURL_SHIM_H
#define DOCWRIGHT_CCURL_SHIM_H
#include <curl/curl.h>
#endif

#ifndef DOCWRIGHT_LIBRARY_H
#define DOCWRIGHT_LIBRARY_H

/* Opening a system library with dlopen, shared by the C targets that load one on first use
 * (CCurl: libcurl, CSQLite: libsqlite3). */

#include <stddef.h>

/* The library named by the environment variable `override_variable` when it is set, else the
 * first of `names` that loads. NULL when none loads; `error` then says why and how to install
 * it (`install_hint`, e.g. "apt-get install libcurl4"). */
void *docwright_library_open(const char *override_variable, const char *const names[], size_t count,
                             const char *library, const char *install_hint,
                             char *error, size_t error_size);

/* Inside a `void` loader: looks up `symbol` in `handle` into `table.field`; when it is missing,
 * writes why into the char array `error` (naming `library`) and returns. */
#define DOCWRIGHT_RESOLVE(table, error, library, handle, field, symbol)                                     \
    do {                                                                                                  \
        *(void **)(&(table).field) = dlsym(handle, symbol);                                                \
        if ((table).field == NULL) {                                                                      \
            snprintf(error, sizeof error, "%s has no %s (too old a %s?)", library, symbol, library);       \
            return;                                                                                       \
        }                                                                                                 \
    } while (0)

#endif

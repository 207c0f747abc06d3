#include "csqlite.h"

#include <dlfcn.h>

#include "docwright_library.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* libsqlite3's entry points, resolved once by docwright_sqlite3_load. */
static struct {
    int (*open_v2)(const char *, sqlite3 **, int, const char *);
    int (*close_v2)(sqlite3 *);
    int (*busy_timeout)(sqlite3 *, int);
    int (*exec)(sqlite3 *, const char *, int (*)(void *, int, char **, char **), void *, char **);
    int (*changes)(sqlite3 *);
    int (*extended_errcode)(sqlite3 *);
    const char *(*errmsg)(sqlite3 *);
    const char *(*errstr)(int);
    int (*prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **, const char **);
    int (*finalize)(sqlite3_stmt *);
    int (*reset)(sqlite3_stmt *);
    int (*step)(sqlite3_stmt *);
    int (*bind_blob)(sqlite3_stmt *, int, const void *, int, void (*)(void *));
    int (*bind_text)(sqlite3_stmt *, int, const char *, int, void (*)(void *));
    int (*bind_int64)(sqlite3_stmt *, int, sqlite3_int64);
    int (*bind_double)(sqlite3_stmt *, int, double);
    int (*bind_null)(sqlite3_stmt *, int);
    int (*column_type)(sqlite3_stmt *, int);
    const void *(*column_blob)(sqlite3_stmt *, int);
    const unsigned char *(*column_text)(sqlite3_stmt *, int);
    int (*column_bytes)(sqlite3_stmt *, int);
    sqlite3_int64 (*column_int64)(sqlite3_stmt *, int);
    double (*column_double)(sqlite3_stmt *, int);
    int (*threadsafe)(void);
} api;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char load_error[512];

#define RESOLVE(handle, field, name) DOCWRIGHT_RESOLVE(api, load_error, "libsqlite3", handle, field, name)

static void load(void) {
    /* DOCWRIGHT_LIBSQLITE3 names the library when it lives elsewhere; otherwise the soname of
     * Debian's libsqlite3-0 and the -dev link. */
    const char *names[] = {"libsqlite3.so.0", "libsqlite3.so"};
    void *handle = docwright_library_open("DOCWRIGHT_LIBSQLITE3", names, sizeof names / sizeof names[0], "libsqlite3",
                                          "apt-get install libsqlite3-0", load_error, sizeof load_error);
    if (handle == NULL) return;
    RESOLVE(handle, open_v2, "sqlite3_open_v2");
    RESOLVE(handle, close_v2, "sqlite3_close_v2");
    RESOLVE(handle, busy_timeout, "sqlite3_busy_timeout");
    RESOLVE(handle, exec, "sqlite3_exec");
    RESOLVE(handle, changes, "sqlite3_changes");
    RESOLVE(handle, extended_errcode, "sqlite3_extended_errcode");
    RESOLVE(handle, errmsg, "sqlite3_errmsg");
    RESOLVE(handle, errstr, "sqlite3_errstr");
    RESOLVE(handle, prepare_v2, "sqlite3_prepare_v2");
    RESOLVE(handle, finalize, "sqlite3_finalize");
    RESOLVE(handle, reset, "sqlite3_reset");
    RESOLVE(handle, step, "sqlite3_step");
    RESOLVE(handle, bind_blob, "sqlite3_bind_blob");
    RESOLVE(handle, bind_text, "sqlite3_bind_text");
    RESOLVE(handle, bind_int64, "sqlite3_bind_int64");
    RESOLVE(handle, bind_double, "sqlite3_bind_double");
    RESOLVE(handle, bind_null, "sqlite3_bind_null");
    RESOLVE(handle, column_type, "sqlite3_column_type");
    RESOLVE(handle, column_blob, "sqlite3_column_blob");
    RESOLVE(handle, column_text, "sqlite3_column_text");
    RESOLVE(handle, column_bytes, "sqlite3_column_bytes");
    RESOLVE(handle, column_int64, "sqlite3_column_int64");
    RESOLVE(handle, column_double, "sqlite3_column_double");
    RESOLVE(handle, threadsafe, "sqlite3_threadsafe");
    /* Connections are used from several threads (one at a time): needs a threadsafe build. */
    if (api.threadsafe() == 0) {
        snprintf(load_error, sizeof load_error, "libsqlite3 was built without thread safety");
        return;
    }
    load_status = 0;
}

int docwright_sqlite3_load(char *error, size_t capacity) {
    pthread_once(&load_once, load);
    if (load_status != 0 && error != NULL && capacity > 0) {
        snprintf(error, capacity, "%s", load_error);
    }
    return load_status;
}

int docwright_sqlite3_open_v2(const char *path, sqlite3 **db, int flags) { return api.open_v2(path, db, flags, NULL); }
int docwright_sqlite3_close_v2(sqlite3 *db) { return api.close_v2(db); }
int docwright_sqlite3_busy_timeout(sqlite3 *db, int milliseconds) { return api.busy_timeout(db, milliseconds); }
int docwright_sqlite3_exec(sqlite3 *db, const char *sql) { return api.exec(db, sql, NULL, NULL, NULL); }
int docwright_sqlite3_changes(sqlite3 *db) { return api.changes(db); }
int docwright_sqlite3_extended_errcode(sqlite3 *db) { return api.extended_errcode(db); }
const char *docwright_sqlite3_errmsg(sqlite3 *db) { return api.errmsg(db); }
const char *docwright_sqlite3_errstr(int code) { return api.errstr(code); }

int docwright_sqlite3_prepare_v2(sqlite3 *db, const char *sql, sqlite3_stmt **statement) {
    return api.prepare_v2(db, sql, -1, statement, NULL);
}
int docwright_sqlite3_finalize(sqlite3_stmt *statement) { return api.finalize(statement); }
int docwright_sqlite3_reset(sqlite3_stmt *statement) { return api.reset(statement); }
int docwright_sqlite3_step(sqlite3_stmt *statement) { return api.step(statement); }

int docwright_sqlite3_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int count) {
    /* A zero-length blob from an empty buffer: SQLite needs a non-NULL pointer for it not to be NULL. */
    static const char empty = 0;
    return api.bind_blob(statement, index, bytes != NULL ? bytes : &empty, count, SQLITE_TRANSIENT);
}
int docwright_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text) {
    return api.bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
}
int docwright_sqlite3_bind_int64(sqlite3_stmt *statement, int index, int64_t value) { return api.bind_int64(statement, index, value); }
int docwright_sqlite3_bind_double(sqlite3_stmt *statement, int index, double value) { return api.bind_double(statement, index, value); }
int docwright_sqlite3_bind_null(sqlite3_stmt *statement, int index) { return api.bind_null(statement, index); }

int docwright_sqlite3_column_type(sqlite3_stmt *statement, int column) { return api.column_type(statement, column); }
const void *docwright_sqlite3_column_blob(sqlite3_stmt *statement, int column) { return api.column_blob(statement, column); }
const unsigned char *docwright_sqlite3_column_text(sqlite3_stmt *statement, int column) { return api.column_text(statement, column); }
int docwright_sqlite3_column_bytes(sqlite3_stmt *statement, int column) { return api.column_bytes(statement, column); }
int64_t docwright_sqlite3_column_int64(sqlite3_stmt *statement, int column) { return api.column_int64(statement, column); }
double docwright_sqlite3_column_double(sqlite3_stmt *statement, int column) { return api.column_double(statement, column); }

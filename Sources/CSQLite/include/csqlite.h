#ifndef DOCWRIGHT_CSQLITE_H
#define DOCWRIGHT_CSQLITE_H
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

/*
 * libsqlite3, loaded with dlopen when the cache first opens its file instead of linked: a server
 * nobody asked for code never maps it, and the binary's dependencies stay what they were.
 *
 * sqlite3.h (libsqlite3-dev) is included for its types and constants only. Swift must call the
 * docwright_sqlite3_* functions below, never sqlite3_* directly: the binary does not link
 * libsqlite3, so a direct call fails at link time. Only what Sources/Cache needs is here.
 */

/* Loads libsqlite3 ($DOCWRIGHT_LIBSQLITE3, else libsqlite3.so.0, libsqlite3.so), once per
 * process; thread-safe. Returns 0 on success; otherwise writes a message into `error` (if given)
 * and returns -1, and every later call fails the same way. No other function may be called
 * before it succeeds. */
int docwright_sqlite3_load(char *error, size_t capacity);

int docwright_sqlite3_open_v2(const char *path, sqlite3 **db, int flags);
/* sqlite3_close_v2: the connection closes once its last statement is finalized. */
int docwright_sqlite3_close_v2(sqlite3 *db);
int docwright_sqlite3_busy_timeout(sqlite3 *db, int milliseconds);
int docwright_sqlite3_exec(sqlite3 *db, const char *sql);
int docwright_sqlite3_changes(sqlite3 *db);
int docwright_sqlite3_extended_errcode(sqlite3 *db);
const char *docwright_sqlite3_errmsg(sqlite3 *db);
const char *docwright_sqlite3_errstr(int code);

int docwright_sqlite3_prepare_v2(sqlite3 *db, const char *sql, sqlite3_stmt **statement);
int docwright_sqlite3_finalize(sqlite3_stmt *statement);
int docwright_sqlite3_reset(sqlite3_stmt *statement);
int docwright_sqlite3_step(sqlite3_stmt *statement);

/* Binds copy the value (SQLITE_TRANSIENT), so the caller's buffer may go away at once. */
int docwright_sqlite3_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int count);
int docwright_sqlite3_bind_text(sqlite3_stmt *statement, int index, const char *text);
int docwright_sqlite3_bind_int64(sqlite3_stmt *statement, int index, int64_t value);
int docwright_sqlite3_bind_double(sqlite3_stmt *statement, int index, double value);
int docwright_sqlite3_bind_null(sqlite3_stmt *statement, int index);

int docwright_sqlite3_column_type(sqlite3_stmt *statement, int column);
const void *docwright_sqlite3_column_blob(sqlite3_stmt *statement, int column);
const unsigned char *docwright_sqlite3_column_text(sqlite3_stmt *statement, int column);
int docwright_sqlite3_column_bytes(sqlite3_stmt *statement, int column);
int64_t docwright_sqlite3_column_int64(sqlite3_stmt *statement, int column);
double docwright_sqlite3_column_double(sqlite3_stmt *statement, int column);

#endif

#include "ctreesitter.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Every runtime function docwright calls: X(return type, name, parameters, arguments) for those
 * returning a value, V(name, parameters, arguments) for void ones. One list drives the function
 * table, its resolution and the docwright_ wrappers (whose prototypes, in ctreesitter.h, the
 * compiler checks against these definitions). */
#define TS_FUNCTIONS(X, V)                                                                              \
    X(uint32_t, ts_language_abi_version, (const TSLanguage *language), (language))                    \
    X(TSParser *, ts_parser_new, (void), ())                                                            \
    V(ts_parser_delete, (TSParser *parser), (parser))                                                   \
    X(bool, ts_parser_set_language, (TSParser *parser, const TSLanguage *language), (parser, language))  \
    X(TSTree *, ts_tree_copy, (const TSTree *tree), (tree))                                             \
    V(ts_tree_delete, (TSTree *tree), (tree))                                                           \
    X(TSNode, ts_tree_root_node, (const TSTree *tree), (tree))                                          \
    V(ts_tree_edit, (TSTree *tree, const TSInputEdit *edit), (tree, edit))                              \
    X(const char *, ts_node_type, (TSNode node), (node))                                                \
    X(TSSymbol, ts_node_symbol, (TSNode node), (node))                                                  \
    X(uint32_t, ts_node_start_byte, (TSNode node), (node))                                              \
    X(uint32_t, ts_node_end_byte, (TSNode node), (node))                                                \
    X(TSPoint, ts_node_start_point, (TSNode node), (node))                                              \
    X(TSPoint, ts_node_end_point, (TSNode node), (node))                                                \
    X(char *, ts_node_string, (TSNode node), (node))                                                    \
    X(bool, ts_node_is_null, (TSNode node), (node))                                                     \
    X(bool, ts_node_is_named, (TSNode node), (node))                                                    \
    X(bool, ts_node_is_missing, (TSNode node), (node))                                                  \
    X(bool, ts_node_is_extra, (TSNode node), (node))                                                    \
    X(bool, ts_node_is_error, (TSNode node), (node))                                                    \
    X(bool, ts_node_has_error, (TSNode node), (node))                                                   \
    X(bool, ts_node_eq, (TSNode node, TSNode other), (node, other))                                     \
    X(TSNode, ts_node_parent, (TSNode node), (node))                                                    \
    X(uint32_t, ts_node_child_count, (TSNode node), (node))                                             \
    X(TSNode, ts_node_child, (TSNode node, uint32_t index), (node, index))                              \
    X(uint32_t, ts_node_named_child_count, (TSNode node), (node))                                       \
    X(TSNode, ts_node_named_child, (TSNode node, uint32_t index), (node, index))                        \
    X(const char *, ts_node_field_name_for_child, (TSNode node, uint32_t index), (node, index))         \
    X(TSNode, ts_node_child_by_field_name, (TSNode node, const char *name, uint32_t name_length),       \
      (node, name, name_length))                                                                        \
    X(TSNode, ts_node_next_sibling, (TSNode node), (node))                                              \
    X(TSNode, ts_node_prev_sibling, (TSNode node), (node))                                              \
    X(TSNode, ts_node_next_named_sibling, (TSNode node), (node))                                        \
    X(TSNode, ts_node_prev_named_sibling, (TSNode node), (node))                                        \
    X(TSNode, ts_node_descendant_for_byte_range, (TSNode node, uint32_t start, uint32_t end),           \
      (node, start, end))                                                                               \
    X(TSNode, ts_node_named_descendant_for_byte_range, (TSNode node, uint32_t start, uint32_t end),     \
      (node, start, end))                                                                               \
    X(TSTreeCursor, ts_tree_cursor_new, (TSNode node), (node))                                          \
    V(ts_tree_cursor_delete, (TSTreeCursor *cursor), (cursor))                                          \
    X(TSNode, ts_tree_cursor_current_node, (const TSTreeCursor *cursor), (cursor))                      \
    X(const char *, ts_tree_cursor_current_field_name, (const TSTreeCursor *cursor), (cursor))          \
    X(bool, ts_tree_cursor_goto_first_child, (TSTreeCursor *cursor), (cursor))                          \
    X(bool, ts_tree_cursor_goto_next_sibling, (TSTreeCursor *cursor), (cursor))                         \
    X(bool, ts_tree_cursor_goto_parent, (TSTreeCursor *cursor), (cursor))                               \
    X(int64_t, ts_tree_cursor_goto_first_child_for_byte, (TSTreeCursor *cursor, uint32_t byte),         \
      (cursor, byte))                                                                                   \
    X(TSQuery *, ts_query_new,                                                                          \
      (const TSLanguage *language, const char *source, uint32_t length, uint32_t *error_offset,        \
       TSQueryError *error_type),                                                                       \
      (language, source, length, error_offset, error_type))                                             \
    V(ts_query_delete, (TSQuery *query), (query))                                                       \
    X(uint32_t, ts_query_pattern_count, (const TSQuery *query), (query))                                \
    X(uint32_t, ts_query_capture_count, (const TSQuery *query), (query))                                \
    X(const char *, ts_query_capture_name_for_id, (const TSQuery *query, uint32_t index, uint32_t *length), \
      (query, index, length))                                                                           \
    X(const char *, ts_query_string_value_for_id, (const TSQuery *query, uint32_t index, uint32_t *length), \
      (query, index, length))                                                                           \
    X(const TSQueryPredicateStep *, ts_query_predicates_for_pattern,                                    \
      (const TSQuery *query, uint32_t pattern_index, uint32_t *step_count), (query, pattern_index, step_count)) \
    X(uint32_t, ts_query_start_byte_for_pattern, (const TSQuery *query, uint32_t pattern_index),        \
      (query, pattern_index))                                                                           \
    X(TSQueryCursor *, ts_query_cursor_new, (void), ())                                                 \
    V(ts_query_cursor_delete, (TSQueryCursor *cursor), (cursor))                                        \
    V(ts_query_cursor_exec, (TSQueryCursor *cursor, const TSQuery *query, TSNode node), (cursor, query, node)) \
    X(bool, ts_query_cursor_set_byte_range, (TSQueryCursor *cursor, uint32_t start, uint32_t end),      \
      (cursor, start, end))                                                                             \
    V(ts_query_cursor_set_match_limit, (TSQueryCursor *cursor, uint32_t limit), (cursor, limit))        \
    X(bool, ts_query_cursor_did_exceed_match_limit, (const TSQueryCursor *cursor), (cursor))            \
    X(bool, ts_query_cursor_next_match, (TSQueryCursor *cursor, TSQueryMatch *match), (cursor, match))  \
    X(bool, ts_query_cursor_next_capture, (TSQueryCursor *cursor, TSQueryMatch *match, uint32_t *capture_index), \
      (cursor, match, capture_index))

typedef struct TSParseState {
    void *payload;
    uint32_t current_byte_offset;
    bool has_error;
} TSParseState;

typedef struct TSParseOptions {
    void *payload;
    bool (*progress_callback)(TSParseState *state);
} TSParseOptions;

#define FIELD(type, name, params, args) type(*name) params;
#define VOID_FIELD(name, params, args) void(*name) params;
static struct {
    TS_FUNCTIONS(FIELD, VOID_FIELD)
    /* Used only by docwright_ts_parse: the progress callback replaced 0.20's timeout setters. */
    TSTree *(*ts_parser_parse_with_options)(TSParser *, const TSTree *, TSInput, TSParseOptions);
    void (*ts_parser_reset)(TSParser *);
} api;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static int loaded = 0;

static int resolve(void *handle, void **field, const char *name, char *error, size_t capacity) {
    *field = dlsym(handle, name);
    if (*field != NULL) return 0;
    snprintf(error, capacity, "the tree-sitter runtime has no %s (docwright needs 0.25 or newer; run scripts/grammars install)", name);
    return -1;
}

int docwright_ts_load(const char *runtime_path, char *error, size_t capacity) {
    char scratch[512];
    if (error == NULL || capacity == 0) { error = scratch; capacity = sizeof scratch; }
    pthread_mutex_lock(&load_lock);
    if (loaded) { pthread_mutex_unlock(&load_lock); return 0; }
    void *handle = dlopen(runtime_path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(error, capacity, "the tree-sitter runtime could not be loaded: %s", dlerror());
        pthread_mutex_unlock(&load_lock);
        return -1;
    }
    int status = 0;
#define RESOLVE(type, name, params, args) if (status == 0) status = resolve(handle, (void **)&api.name, #name, error, capacity);
#define RESOLVE_VOID(name, params, args) RESOLVE(void, name, params, args)
    TS_FUNCTIONS(RESOLVE, RESOLVE_VOID)
    RESOLVE(_, ts_parser_parse_with_options, _, _)
    RESOLVE(_, ts_parser_reset, _, _)
    if (status == 0) {
        loaded = 1;
    } else {
        memset(&api, 0, sizeof api);
        dlclose(handle);
    }
    pthread_mutex_unlock(&load_lock);
    return status;
}

const TSLanguage *docwright_ts_language(const char *library_path, const char *symbol, char *error, size_t capacity) {
    char scratch[512];
    if (error == NULL || capacity == 0) { error = scratch; capacity = sizeof scratch; }
    /* Never closed: the language's tables are static data inside the library. dlopen counts
     * references, so opening one library for several languages maps it once. */
    void *handle = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        snprintf(error, capacity, "%s", dlerror());
        return NULL;
    }
    const TSLanguage *(*make)(void) = NULL;
    *(void **)(&make) = dlsym(handle, symbol);
    if (make == NULL) {
        snprintf(error, capacity, "%s has no %s", library_path, symbol);
        return NULL;
    }
    const TSLanguage *language = make();
    if (language == NULL) snprintf(error, capacity, "%s returned no language", symbol);
    return language;
}

#define WRAP(type, name, params, args) type docwright_##name params { return api.name args; }
#define WRAP_VOID(name, params, args) void docwright_##name params { api.name args; }
TS_FUNCTIONS(WRAP, WRAP_VOID)

void docwright_ts_free(void *pointer) { free(pointer); } /* the runtime allocates with libc's malloc */

void docwright_ts_flag_set(int *flag, int value) { __atomic_store_n(flag, value, __ATOMIC_RELEASE); }

/* ---- parsing with a deadline and a cancellation flag ---- */

typedef struct {
    uint64_t deadline_nanos; /* 0: none */
    const int *cancel_flag;
    docwright_ts_parse_outcome stop_reason;
} parse_guard;

static uint64_t monotonic_nanos(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

/* Called by the runtime every ~100 parse operations; true stops the parse. */
static bool parse_progress(TSParseState *state) {
    parse_guard *guard = state->payload;
    if (guard->cancel_flag != NULL && __atomic_load_n(guard->cancel_flag, __ATOMIC_ACQUIRE) != 0) {
        guard->stop_reason = DOCWRIGHT_TS_CANCELLED;
        return true;
    }
    if (guard->deadline_nanos != 0 && monotonic_nanos() >= guard->deadline_nanos) {
        guard->stop_reason = DOCWRIGHT_TS_TIMED_OUT;
        return true;
    }
    return false;
}

TSTree *docwright_ts_parse(TSParser *parser, const TSTree *old_tree, TSInput input, uint64_t timeout_micros,
                           const int *cancel_flag, docwright_ts_parse_outcome *outcome) {
    parse_guard guard = {
        .deadline_nanos = timeout_micros == 0 ? 0 : monotonic_nanos() + timeout_micros * 1000u,
        .cancel_flag = cancel_flag,
        .stop_reason = DOCWRIGHT_TS_FAILED,
    };
    TSParseOptions options = {.payload = &guard, .progress_callback = parse_progress};
    TSTree *tree = api.ts_parser_parse_with_options(parser, old_tree, input, options);
    if (tree == NULL) {
        /* Otherwise the next parse would resume this one, whatever text it is given. */
        api.ts_parser_reset(parser);
        if (outcome != NULL) *outcome = guard.stop_reason;
    } else if (outcome != NULL) {
        *outcome = DOCWRIGHT_TS_PARSED;
    }
    return tree;
}

typedef struct {
    const char *text;
    uint32_t length;
} utf8_buffer;

static const char *read_utf8_buffer(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read) {
    (void)position;
    const utf8_buffer *buffer = payload;
    if (byte_index >= buffer->length) {
        *bytes_read = 0;
        return "";
    }
    *bytes_read = buffer->length - byte_index;
    return buffer->text + byte_index;
}

TSTree *docwright_ts_parse_utf8(TSParser *parser, const TSTree *old_tree, const char *text, uint32_t length,
                                uint64_t timeout_micros, const int *cancel_flag, docwright_ts_parse_outcome *outcome) {
    utf8_buffer buffer = {.text = text, .length = length};
    TSInput input = {.payload = &buffer, .read = read_utf8_buffer, .encoding = TSInputEncodingUTF8, .decode = NULL};
    return docwright_ts_parse(parser, old_tree, input, timeout_micros, cancel_flag, outcome);
}

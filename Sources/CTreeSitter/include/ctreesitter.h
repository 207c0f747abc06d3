#ifndef DOCWRIGHT_CTREESITTER_H
#define DOCWRIGHT_CTREESITTER_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The tree-sitter runtime and its grammars, loaded with dlopen instead of linked (like CCurl):
 * a server that never sees a file pays nothing, and each grammar library is mapped only when
 * its language is first parsed. scripts/grammars builds the libraries; the Syntax module finds
 * them and passes their paths here.
 *
 * The types below are copied from tree-sitter 0.26.1's tree_sitter/api.h (MIT), which is not
 * available at build time (the runtime's sources are fetched, never committed). Their layout
 * must match the runtime's exactly: keep them in step when the pinned runtime changes, and
 * never include api.h in the same translation unit.
 *
 * Swift calls only the docwright_ts_* functions, and only after docwright_ts_load succeeded.
 */

/* Grammar ABI versions the pinned runtime reads (TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION
 * and TREE_SITTER_LANGUAGE_VERSION). */
#define DOCWRIGHT_TS_MIN_ABI 13
#define DOCWRIGHT_TS_MAX_ABI 15

typedef uint16_t TSSymbol;
typedef uint16_t TSFieldId;
typedef struct TSLanguage TSLanguage;
typedef struct TSParser TSParser;
typedef struct TSTree TSTree;
typedef struct TSQuery TSQuery;
typedef struct TSQueryCursor TSQueryCursor;

typedef uint32_t (*TSDecodeFunction)(const uint8_t *string, uint32_t length, int32_t *code_point);

typedef enum TSInputEncoding {
    TSInputEncodingUTF8,
    TSInputEncodingUTF16LE,
    TSInputEncodingUTF16BE,
    TSInputEncodingCustom
} TSInputEncoding;

/* Rows count '\n' only; columns are bytes (so a CR before LF is the last column of its row). */
typedef struct TSPoint {
    uint32_t row;
    uint32_t column;
} TSPoint;

typedef struct TSInput {
    void *payload;
    const char *(*read)(void *payload, uint32_t byte_index, TSPoint position, uint32_t *bytes_read);
    TSInputEncoding encoding;
    TSDecodeFunction decode;
} TSInput;

typedef struct TSInputEdit {
    uint32_t start_byte;
    uint32_t old_end_byte;
    uint32_t new_end_byte;
    TSPoint start_point;
    TSPoint old_end_point;
    TSPoint new_end_point;
} TSInputEdit;

typedef struct TSNode {
    uint32_t context[4];
    const void *id;
    const TSTree *tree;
} TSNode;

typedef struct TSTreeCursor {
    const void *tree;
    const void *id;
    uint32_t context[3];
} TSTreeCursor;

typedef struct TSQueryCapture {
    TSNode node;
    uint32_t index;
} TSQueryCapture;

typedef struct TSQueryMatch {
    uint32_t id;
    uint16_t pattern_index;
    uint16_t capture_count;
    const TSQueryCapture *captures;
} TSQueryMatch;

typedef enum TSQueryPredicateStepType {
    TSQueryPredicateStepTypeDone,
    TSQueryPredicateStepTypeCapture,
    TSQueryPredicateStepTypeString,
} TSQueryPredicateStepType;

typedef struct TSQueryPredicateStep {
    TSQueryPredicateStepType type;
    uint32_t value_id;
} TSQueryPredicateStep;

typedef enum TSQueryError {
    TSQueryErrorNone = 0,
    TSQueryErrorSyntax,
    TSQueryErrorNodeType,
    TSQueryErrorField,
    TSQueryErrorCapture,
    TSQueryErrorStructure,
    TSQueryErrorLanguage,
} TSQueryError;

/* ---- loading ---- */

/* Loads the runtime library at `runtime_path` (libtree-sitter.so, 0.25 or newer). Thread-safe;
 * after a success later calls return 0 at once, whatever the path. On failure writes a message
 * into `error` and returns -1; a later call may try again (e.g. once the grammars are installed). */
int docwright_ts_load(const char *runtime_path, char *error, size_t capacity);

/* dlopens `library_path` (kept open for the life of the process: languages are static data) and
 * returns what its `symbol` (e.g. "tree_sitter_python") returns; NULL with a message on failure.
 * Needs no runtime. Thread-safe. */
const TSLanguage *docwright_ts_language(const char *library_path, const char *symbol, char *error, size_t capacity);

/* ---- languages (thread-safe: static data) ---- */
uint32_t docwright_ts_language_abi_version(const TSLanguage *language);

/* ---- parsers (not thread-safe: one thread at a time per parser) ---- */
TSParser *docwright_ts_parser_new(void);
void docwright_ts_parser_delete(TSParser *parser);
/* False when the grammar's ABI is outside DOCWRIGHT_TS_MIN_ABI...DOCWRIGHT_TS_MAX_ABI. */
bool docwright_ts_parser_set_language(TSParser *parser, const TSLanguage *language);

typedef enum docwright_ts_parse_outcome {
    DOCWRIGHT_TS_PARSED = 0,
    DOCWRIGHT_TS_TIMED_OUT,
    DOCWRIGHT_TS_CANCELLED,
    DOCWRIGHT_TS_FAILED, /* no language set, or out of memory */
} docwright_ts_parse_outcome;

/* Parses `input` (reusing `old_tree`, already edited with docwright_ts_tree_edit, or NULL).
 * Stops when `timeout_micros` (0: none) has passed or `*cancel_flag` (may be NULL; set it with
 * docwright_ts_flag_set from any thread) is non-zero; tree-sitter checks every ~100 parse steps.
 * A stopped parse returns NULL and resets the parser, so its next parse starts afresh. */
TSTree *docwright_ts_parse(TSParser *parser, const TSTree *old_tree, TSInput input, uint64_t timeout_micros,
                           const int *cancel_flag, docwright_ts_parse_outcome *outcome);
/* The same over one contiguous UTF-8 buffer, borrowed only for the duration of the call. */
TSTree *docwright_ts_parse_utf8(TSParser *parser, const TSTree *old_tree, const char *text, uint32_t length,
                                uint64_t timeout_micros, const int *cancel_flag, docwright_ts_parse_outcome *outcome);
/* Atomic store: lets another thread cancel a running parse. */
void docwright_ts_flag_set(int *flag, int value);

/* ---- trees: a tree must not be used from two threads at once; ts_tree_copy is O(1) ---- */
TSTree *docwright_ts_tree_copy(const TSTree *tree);
void docwright_ts_tree_delete(TSTree *tree);
TSNode docwright_ts_tree_root_node(const TSTree *tree);
void docwright_ts_tree_edit(TSTree *tree, const TSInputEdit *edit);

/* ---- nodes (values; valid while their tree lives) ---- */
const char *docwright_ts_node_type(TSNode node);
TSSymbol docwright_ts_node_symbol(TSNode node);
uint32_t docwright_ts_node_start_byte(TSNode node);
uint32_t docwright_ts_node_end_byte(TSNode node);
TSPoint docwright_ts_node_start_point(TSNode node);
TSPoint docwright_ts_node_end_point(TSNode node);
/* The S-expression; release it with docwright_ts_free. */
char *docwright_ts_node_string(TSNode node);
void docwright_ts_free(void *pointer);
bool docwright_ts_node_is_null(TSNode node);
bool docwright_ts_node_is_named(TSNode node);
bool docwright_ts_node_is_missing(TSNode node);
bool docwright_ts_node_is_extra(TSNode node);
bool docwright_ts_node_is_error(TSNode node);
bool docwright_ts_node_has_error(TSNode node);
bool docwright_ts_node_eq(TSNode node, TSNode other);
TSNode docwright_ts_node_parent(TSNode node);
uint32_t docwright_ts_node_child_count(TSNode node);
TSNode docwright_ts_node_child(TSNode node, uint32_t index);
uint32_t docwright_ts_node_named_child_count(TSNode node);
TSNode docwright_ts_node_named_child(TSNode node, uint32_t index);
const char *docwright_ts_node_field_name_for_child(TSNode node, uint32_t index);
TSNode docwright_ts_node_child_by_field_name(TSNode node, const char *name, uint32_t name_length);
TSNode docwright_ts_node_next_sibling(TSNode node);
TSNode docwright_ts_node_prev_sibling(TSNode node);
TSNode docwright_ts_node_next_named_sibling(TSNode node);
TSNode docwright_ts_node_prev_named_sibling(TSNode node);
TSNode docwright_ts_node_descendant_for_byte_range(TSNode node, uint32_t start, uint32_t end);
TSNode docwright_ts_node_named_descendant_for_byte_range(TSNode node, uint32_t start, uint32_t end);

/* ---- tree cursors: the cheap way to walk a whole tree ---- */
TSTreeCursor docwright_ts_tree_cursor_new(TSNode node);
void docwright_ts_tree_cursor_delete(TSTreeCursor *cursor);
TSNode docwright_ts_tree_cursor_current_node(const TSTreeCursor *cursor);
const char *docwright_ts_tree_cursor_current_field_name(const TSTreeCursor *cursor);
bool docwright_ts_tree_cursor_goto_first_child(TSTreeCursor *cursor);
bool docwright_ts_tree_cursor_goto_next_sibling(TSTreeCursor *cursor);
bool docwright_ts_tree_cursor_goto_parent(TSTreeCursor *cursor);
/* To the first child that ends after `byte` (its index), or -1 and the cursor stays: skips the
   children before a window without visiting them. */
int64_t docwright_ts_tree_cursor_goto_first_child_for_byte(TSTreeCursor *cursor, uint32_t byte);

/* ---- queries (immutable once made: shareable between threads) ---- */
TSQuery *docwright_ts_query_new(const TSLanguage *language, const char *source, uint32_t length,
                                uint32_t *error_offset, TSQueryError *error_type);
void docwright_ts_query_delete(TSQuery *query);
uint32_t docwright_ts_query_pattern_count(const TSQuery *query);
uint32_t docwright_ts_query_capture_count(const TSQuery *query);
const char *docwright_ts_query_capture_name_for_id(const TSQuery *query, uint32_t index, uint32_t *length);
const char *docwright_ts_query_string_value_for_id(const TSQuery *query, uint32_t index, uint32_t *length);
const TSQueryPredicateStep *docwright_ts_query_predicates_for_pattern(const TSQuery *query, uint32_t pattern_index,
                                                                     uint32_t *step_count);
uint32_t docwright_ts_query_start_byte_for_pattern(const TSQuery *query, uint32_t pattern_index);

/* ---- query cursors (one per search; not thread-safe) ---- */
TSQueryCursor *docwright_ts_query_cursor_new(void);
void docwright_ts_query_cursor_delete(TSQueryCursor *cursor);
void docwright_ts_query_cursor_exec(TSQueryCursor *cursor, const TSQuery *query, TSNode node);
bool docwright_ts_query_cursor_set_byte_range(TSQueryCursor *cursor, uint32_t start, uint32_t end);
void docwright_ts_query_cursor_set_match_limit(TSQueryCursor *cursor, uint32_t limit);
bool docwright_ts_query_cursor_did_exceed_match_limit(const TSQueryCursor *cursor);
bool docwright_ts_query_cursor_next_match(TSQueryCursor *cursor, TSQueryMatch *match);
bool docwright_ts_query_cursor_next_capture(TSQueryCursor *cursor, TSQueryMatch *match, uint32_t *capture_index);

#endif

#include "docwright_library.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

void *docwright_library_open(const char *override_variable, const char *const names[], size_t count,
                             const char *library, const char *install_hint,
                             char *error, size_t error_size) {
    const char *chosen = getenv(override_variable);
    void *handle = NULL;
    const char *reason = NULL;
    if (chosen != NULL && chosen[0] != '\0') {
        handle = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
        if (handle == NULL) reason = dlerror();
    } else {
        for (size_t i = 0; handle == NULL && i < count; i++) {
            handle = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
            if (handle == NULL && reason == NULL) reason = dlerror();
        }
    }
    if (handle == NULL) {
        snprintf(error, error_size, "%s could not be loaded (%s); install it (%s) or point %s at it", library,
                 reason ? reason : "not found", install_hint, override_variable);
    }
    return handle;
}

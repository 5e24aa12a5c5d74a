#ifndef HEARTH_CCMARK_SHIM_H
#define HEARTH_CCMARK_SHIM_H
#include <cmark.h>
#endif

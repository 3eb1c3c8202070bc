// The scan is `static inline` in include/CCSVScan.h, for Swift to inline; a C target needs a source file.
#include "CCSVScan.h"

#ifndef HOTLINE_CLIBDEFLATE_SHIM_H
#define HOTLINE_CLIBDEFLATE_SHIM_H
#include <libdeflate.h>
#endif

#ifndef HOTLINE_CZLIB_SHIM_H
#define HOTLINE_CZLIB_SHIM_H
#include <zlib.h>
#endif

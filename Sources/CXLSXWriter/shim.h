#ifndef HOTLINE_CXLSXWRITER_SHIM_H
#define HOTLINE_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif

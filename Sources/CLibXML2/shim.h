#ifndef HOTLINE_CLIBXML2_SHIM_H
#define HOTLINE_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system's ICU headers, which clash
// with the ICU that Foundation bundles when both reach one Swift module. Only the encoding-handler internals
// use ICU; hotline never touches them (it hands libxml2 UTF-8), so the ICU part is left out of this module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif

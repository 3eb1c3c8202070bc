// The delimiter scan of a CSV record without quotes: the one loop of the CSV reader written in C, for SSE2's
// byte compare and movemask (16 bytes per step), which Swift does not expose. Measured with callgrind on the
// 10M-call benchmark's rows: ~1,050 instructions per 180-byte record for Swift's eight-bytes-at-a-time scan,
// ~300 here. Header-only and `static inline`, so the Swift compiler inlines it into the reader.
#ifndef HOTLINE_CCSVSCAN_H
#define HOTLINE_CCSVSCAN_H

#include <stdbool.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// A field of a record: its bytes are [start, end) of the reader's buffer, or of its scratch buffer (a quoted
/// field with `""` unescaped). Declared here so the scan writes each field where the reader reads it (Swift's
/// `FieldSpan`), with no array of field ends in between.
typedef struct {
    long start;
    long end;
    bool inScratch;
} HotlineFieldSpan;

/// Scans the record at `p` (`n` bytes of buffer, `p` at offset `origin` of it) up to its line end (LF or CR),
/// writing each field to `spans` (offsets from the buffer's start; the last field ends at the line end). Returns
/// the number of fields, or 0 for the reader's field by field path: a quote (with `quoting`) before the line end,
/// more than `max_fields` fields, no line end with a byte after it (to tell CR LF from a lone CR) within the `n`
/// bytes.
static inline long hotline_scan_plain_record(
    const uint8_t *p, long n, uint8_t delimiter, int quoting, long origin, HotlineFieldSpan *spans,
    long max_fields) {
    long count = 0;
    long field_start = 0;
    long i = 0;
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    // Without quoting a quote is text: LF stands in for it.
    const __m128i q = _mm_set1_epi8(quoting ? '"' : '\n');
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        // Delimiters apart from the rest (line ends, quotes): a chunk of delimiters only is the common case.
        const unsigned delimiters = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, d));
        const unsigned others = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
        if (others == 0) {
            // Delimiters only (most chunks): each a field end, without looking at its byte.
            unsigned hits = delimiters;
            while (hits != 0) {
                const long at = i + __builtin_ctz(hits);
                hits &= hits - 1;
                if (count == max_fields) return 0;
                spans[count++] = (HotlineFieldSpan){origin + field_start, origin + at, false};
                field_start = at + 1;
            }
            continue;
        }
        unsigned hits = delimiters | others;
        while (hits != 0) {
            const long at = i + __builtin_ctz(hits);
            hits &= hits - 1;
            if (count == max_fields) return 0;
            const uint8_t c = p[at];
            if (c == delimiter) {
                spans[count++] = (HotlineFieldSpan){origin + field_start, origin + at, false};
                field_start = at + 1;
            } else if (c == '\n' || c == '\r') {
                if (at + 1 >= n) return 0;
                spans[count++] = (HotlineFieldSpan){origin + field_start, origin + at, false};
                return count;
            } else {
                return 0;  // a quote
            }
        }
    }
#endif
    for (; i < n; i++) {
        const uint8_t c = p[i];
        if (c == delimiter) {
            if (count == max_fields) return 0;
            spans[count++] = (HotlineFieldSpan){origin + field_start, origin + i, false};
            field_start = i + 1;
        } else if (c == '\n' || c == '\r') {
            if (i + 1 >= n || count == max_fields) return 0;
            spans[count++] = (HotlineFieldSpan){origin + field_start, origin + i, false};
            return count;
        } else if (quoting && c == '"') {
            return 0;
        }
    }
    return 0;
}

#endif

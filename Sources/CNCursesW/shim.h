#ifndef RENDEMENTSMETER_CNCURSESW_SHIM_H
#define RENDEMENTSMETER_CNCURSESW_SHIM_H

// SwiftPM drops -D_XOPEN_SOURCE=600 from pkg-config; without these the
// wide-character API (get_wch, mvaddwstr, setcchar) is not declared.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <string.h>
#include <ncursesw/curses.h>

// Macros and globals that Swift cannot import (or that Swift 6 strict
// concurrency rejects as shared mutable state) are wrapped here.
static inline WINDOW *rm_stdscr(void) { return stdscr; }
static inline int rm_lines(void) { return LINES; }
static inline int rm_cols(void) { return COLS; }
static inline attr_t rm_a_bold(void) { return A_BOLD; }
static inline attr_t rm_a_reverse(void) { return A_REVERSE; }
static inline attr_t rm_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rm_a_dim(void) { return A_DIM; }
static inline attr_t rm_color_pair(int n) { return COLOR_PAIR(n); }
static inline int rm_key_f(int n) { return KEY_F(n); }
// newterm instead of initscr: it returns NULL on an unknown terminal instead of exiting.
static inline SCREEN *rm_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int rm_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// Draws one cell: a wide character with attributes, at (y, x).
// `text`: one grapheme cluster (a base character and its combining marks), NUL-terminated;
// ncurses keeps up to CCHARW_MAX wide characters in one cell.
static inline int rm_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    setcchar(&cell, text, attrs, pair, NULL);
    return mvadd_wch(y, x, &cell);
}

// Draws one ncurses line-drawing character (its VT100 letter: 'q' is a horizontal
// line), for terminals that cannot show the Unicode box characters.
static inline int rm_put_line(int y, int x, char letter, attr_t attrs, short pair) {
    return mvaddch(y, x, NCURSES_ACS(letter) | attrs | COLOR_PAIR(pair));
}

// Draws one plain ASCII character.
static inline int rm_put_ascii(int y, int x, char letter, attr_t attrs, short pair) {
    return mvaddch(y, x, (chtype)(unsigned char)letter | attrs | COLOR_PAIR(pair));
}

#endif

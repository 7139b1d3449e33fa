#ifndef LSTMVIZ_CNCURSES_SHIM_H
#define LSTMVIZ_CNCURSES_SHIM_H
// SwiftPM drops pkg-config's -D flags: define what ncursesw needs here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>
#endif

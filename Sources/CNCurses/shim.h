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
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// What Swift cannot import from curses.h: globals (which Swift 6 strict concurrency rejects),
// function-like macros (A_*, COLOR_PAIR, getmaxyx) and the stdscr forms of the drawing calls.
// Each is a small static inline accessor, prefixed lv_.

// MARK: globals

static inline WINDOW *lv_stdscr(void) { return stdscr; }
static inline FILE *lv_stdin(void) { return stdin; }
static inline FILE *lv_stdout(void) { return stdout; }
static inline int lv_colors(void) { return COLORS; }
static inline int lv_color_pairs(void) { return COLOR_PAIRS; }
static inline int lv_lines(void) { return getmaxy(stdscr); }
static inline int lv_columns(void) { return getmaxx(stdscr); }

// MARK: attributes

static inline attr_t lv_attribute_normal(void) { return A_NORMAL; }
static inline attr_t lv_attribute_bold(void) { return A_BOLD; }
static inline attr_t lv_attribute_reverse(void) { return A_REVERSE; }
static inline attr_t lv_attribute_dim(void) { return A_DIM; }
static inline attr_t lv_attribute_underline(void) { return A_UNDERLINE; }

/// Sets the attributes and colour pair for what stdscr draws next.
static inline int lv_set_attributes(attr_t attributes, short pair) {
  return wattr_set(stdscr, attributes, pair, NULL);
}

// MARK: drawing

/// Draws `count` wide characters of `text` at `row`, `column` of stdscr.
static inline int lv_draw(int row, int column, const wchar_t *text, int count) {
  return mvwaddnwstr(stdscr, row, column, text, count);
}

/// The columns `character` takes on the terminal (-1 for a control character). Declared here
/// because glibc shows wcwidth only to _XOPEN_SOURCE code.
extern int wcwidth(wchar_t character);
static inline int lv_character_width(wchar_t character) { return wcwidth(character); }

// MARK: input

/// Reads one key from stdscr: returns OK (a character), KEY_CODE_YES (a key code) or ERR.
static inline int lv_read_key(wint_t *key) { return wget_wch(stdscr, key); }
/// Waits at most `milliseconds` for a key (negative: forever).
static inline void lv_set_input_timeout(int milliseconds) { wtimeout(stdscr, milliseconds); }

static inline int lv_key_code_yes(void) { return KEY_CODE_YES; }
static inline int lv_key_up(void) { return KEY_UP; }
static inline int lv_key_down(void) { return KEY_DOWN; }
static inline int lv_key_left(void) { return KEY_LEFT; }
static inline int lv_key_right(void) { return KEY_RIGHT; }
static inline int lv_key_home(void) { return KEY_HOME; }
static inline int lv_key_end(void) { return KEY_END; }
static inline int lv_key_beginning(void) { return KEY_BEG; }
static inline int lv_key_find(void) { return KEY_FIND; }
static inline int lv_key_select(void) { return KEY_SELECT; }
static inline int lv_key_keypad_upper_left(void) { return KEY_A1; }
static inline int lv_key_keypad_lower_left(void) { return KEY_C1; }
static inline int lv_key_home_down(void) { return KEY_LL; }
static inline int lv_key_enter(void) { return KEY_ENTER; }
static inline int lv_key_resize(void) { return KEY_RESIZE; }
static inline int lv_key_back_tab(void) { return KEY_BTAB; }
static inline int lv_key_backspace(void) { return KEY_BACKSPACE; }

// MARK: signals

/// Installs `handler` for `signal` without SA_RESTART, so that a blocking read returns early.
static inline int lv_install_signal_handler(int signal, void (*handler)(int)) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(signal, &action, NULL);
}

/// Installs `handler` for the crash signal `signal` (on the alternate stack if there is one),
/// keeping the action it replaces in `previous`.
static inline int lv_install_crash_handler(int signal, void (*handler)(int),
                                           struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_ONSTACK;
  return sigaction(signal, &action, previous);
}

/// Puts back an action kept by lv_install_crash_handler (async-signal-safe).
static inline int lv_restore_signal_action(int signal, const struct sigaction *previous) {
  return sigaction(signal, previous, NULL);
}

/// Lets `signal` through on this thread, in case whoever started the process blocked it.
static inline int lv_unblock_signal(int signal) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  return pthread_sigmask(SIG_UNBLOCK, &set, NULL);
}

/// Installs `handler` for `signal` without SA_RESTART (so that a blocking read returns early),
/// keeping the action it replaces in `previous`.
static inline int lv_install_signal_handler_saving(int signal, void (*handler)(int),
                                                   struct sigaction *previous) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  return sigaction(signal, &action, previous);
}

/// Ignores `signal` from now on.
static inline int lv_ignore_signal(int signal) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_IGN;
  sigemptyset(&action.sa_mask);
  return sigaction(signal, &action, NULL);
}

/// Whether `signal` is ignored (SIG_IGN) now.
static inline int lv_signal_is_ignored(int signal) {
  struct sigaction action;
  if (sigaction(signal, NULL, &action) != 0) return 0;
  return action.sa_handler == SIG_IGN;
}

/// Sends `signal` to this thread with its default action and unblocked: the process ends (or
/// stops) as the signal's default says. Returns if it did not (a stop signal the kernel
/// discarded, as it does for an orphaned process group, or once the process is continued).
static inline void lv_raise_with_default_action(int signal) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  sigaction(signal, &action, NULL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  pthread_sigmask(SIG_UNBLOCK, &set, NULL);
  raise(signal);
}

/// The first and last real-time signals (SIGRTMIN and SIGRTMAX are function-like macros).
static inline int lv_first_realtime_signal(void) { return SIGRTMIN; }
static inline int lv_last_realtime_signal(void) { return SIGRTMAX; }

/// Whether standard input or output is a terminal that has gone: hung up, closed at the other
/// end, or no longer a descriptor. A read that `poll` says would not wait is not this.
static inline int lv_terminal_is_gone(void) {
  struct pollfd descriptors[2] = {{STDIN_FILENO, POLLIN, 0}, {STDOUT_FILENO, 0, 0}};
  if (poll(descriptors, 2, 0) < 0) return 0;
  for (int index = 0; index < 2; index++) {
    if (descriptors[index].revents & (POLLHUP | POLLERR | POLLNVAL)) return 1;
  }
  return 0;
}

/// Makes the next refresh repaint the whole screen, and repaints it (after a suspend, or when
/// something else may have written over it).
static inline int lv_repaint_all(void) {
  clearok(curscr, TRUE);
  return wrefresh(stdscr);
}

/// Gives the calling thread an alternate signal stack of `size` bytes if it has none, so that a
/// crash handler still runs when the stack has overflowed. The memory is never freed.
static inline void lv_ensure_alternate_signal_stack(size_t size) {
  stack_t current;
  if (sigaltstack(NULL, &current) != 0 || !(current.ss_flags & SS_DISABLE)) return;
  stack_t stack;
  memset(&stack, 0, sizeof stack);
  stack.ss_sp = malloc(size);
  if (stack.ss_sp == NULL) return;
  stack.ss_size = size;
  sigaltstack(&stack, NULL);
}
#endif

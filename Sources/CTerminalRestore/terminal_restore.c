// A signal handler must be plain C with async-signal-safe calls only, and it
// needs state (the saved termios) that a header-only shim cannot define;
// that is why this one piece of C lives beside the ncurses system library.
#include "terminal_restore.h"

#include <signal.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static volatile sig_atomic_t have_saved_termios = 0;

void rm_save_termios(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) { have_saved_termios = 1; }
}

static void crash_handler(int sig) {
    if (have_saved_termios) { tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios); }
    static const char reset[] = "\033[?2004l\033[?1049l\033[?25h\033[0m\r\n";
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof(reset) - 1);
    (void)ignored;
    signal(sig, SIG_DFL);
    raise(sig);
}

void rm_install_crash_handlers(void) {
    // SIGINT and SIGTERM too: curses' own handler for them ends with _exit, which skips the
    // exit handler that turns bracketed paste off (the shell then got pastes marked).
    const int signals[] = { SIGHUP, SIGINT, SIGTERM, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        signal(signals[i], crash_handler);
    }
}

static volatile sig_atomic_t paste_on = 0;
static const char paste_off_sequence[] = "\033[?2004l";

static void paste_off_at_exit(void) {
    if (!paste_on) { return; }
    paste_on = 0;
    ssize_t ignored = write(STDOUT_FILENO, paste_off_sequence, sizeof(paste_off_sequence) - 1);
    (void)ignored;
}

void rm_bracketed_paste(int on) {
    static int registered = 0;
    if (!registered) {
        registered = 1;
        atexit(paste_off_at_exit);
    }
    static const char paste_on_sequence[] = "\033[?2004h";
    const char *sequence = on ? paste_on_sequence : paste_off_sequence;
    ssize_t ignored = write(STDOUT_FILENO, sequence, on ? sizeof(paste_on_sequence) - 1 : sizeof(paste_off_sequence) - 1);
    (void)ignored;
    paste_on = on;
}

#ifndef RENDEMENTSMETER_TERMINAL_RESTORE_H
#define RENDEMENTSMETER_TERMINAL_RESTORE_H

/// Saves the terminal settings as they are before curses starts.
void rm_save_termios(void);

/// Installs handlers for SIGHUP, SIGINT, SIGTERM, SIGILL, SIGTRAP, SIGABRT, SIGSEGV,
/// SIGBUS and SIGFPE that restore the saved settings, turn bracketed paste off and
/// leave the alternate screen, then re-raise the signal with its default action.
void rm_install_crash_handlers(void);

/// Turns the terminal's bracketed paste on or off. While on, it is also turned off at exit().
void rm_bracketed_paste(int on);

#endif

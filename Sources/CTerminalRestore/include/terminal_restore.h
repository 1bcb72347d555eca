#ifndef RENDEMENTSMETER_TERMINAL_RESTORE_H
#define RENDEMENTSMETER_TERMINAL_RESTORE_H

/// Saves the terminal settings as they are before curses starts.
void rm_save_termios(void);

/// Installs handlers for SIGHUP, SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS and
/// SIGFPE that restore the saved settings and leave the alternate screen,
/// then re-raise the signal with its default action.
void rm_install_crash_handlers(void);

#endif

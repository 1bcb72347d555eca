#ifndef RENDEMENTSMETER_CLINUXFILES_SHIM_H
#define RENDEMENTSMETER_CLINUXFILES_SHIM_H

// What Swift's Glibc module leaves out: the file-system type of an open file,
// to tell a local disk (where inotify sees every change) from a network share.
#include <sys/vfs.h>

// The f_type of the file system holding `fd` (a magic number, see statfs(2)), or 0 on failure.
static inline long rm_filesystem_type(int fd) {
    struct statfs info;
    if (fstatfs(fd, &info) != 0) return 0;
    return (long)info.f_type;
}

#endif

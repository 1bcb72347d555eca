#ifndef RENDEMENTSMETER_CLINUXFILES_SHIM_H
#define RENDEMENTSMETER_CLINUXFILES_SHIM_H

// What Swift's Glibc module leaves out: the file-system type of an open file,
// to tell a local disk (where inotify sees every change) from a network share;
// and glibc's memmem, a GNU extension the module does not declare.
#include <stddef.h>
#include <sys/vfs.h>

extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);

// The f_type of the file system holding `fd` (a magic number, see statfs(2)), or 0 on failure.
static inline long rm_filesystem_type(int fd) {
    struct statfs info;
    if (fstatfs(fd, &info) != 0) return 0;
    return (long)info.f_type;
}

// 1 when the `needleLength` bytes at `needle` occur in the `length` bytes at `bytes`.
static inline int rm_contains_bytes(const void *bytes, size_t length, const void *needle, size_t needleLength) {
    return memmem(bytes, length, needle, needleLength) != NULL;
}

#endif

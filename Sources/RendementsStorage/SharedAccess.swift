import Foundation

/// Who may read and write what the app creates in a business-case folder: the owner
/// always, and the folder's group only when the folder is writable by that group (a
/// team folder, `chmod 2770`): then colleagues can read and replace cases too. Never
/// others. Any other folder keeps everything private (0600 files, 0700 folders).
struct SharedAccess {
    let file: mode_t
    let folder: mode_t

    init(casesFolder: URL) {
        var info = stat()
        let shared = stat(casesFolder.path, &info) == 0 && mode_t(info.st_mode) & 0o020 != 0
        file = shared ? 0o660 : 0o600
        // setgid, so what a colleague creates inside belongs to the team's group too.
        folder = shared ? 0o2770 : 0o700
    }

    /// `mkdir` with these rights (set explicitly: the umask would strip the group's).
    func makeFolder(_ url: URL) -> Int32 {
        if mkdir(url.path, folder) != 0 { return errno }
        chmod(url.path, folder)
        return 0
    }
}

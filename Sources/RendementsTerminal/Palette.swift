import CNCursesW
import RendementsRender

/// Maps style roles to curses attributes and colour pairs. Without colour
/// every role is still distinct through bold, reverse and dim.
enum Palette {
    static func start() {
        start_color()
        use_default_colors()
        init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))   // title
        init_pair(2, Int16(COLOR_CYAN), -1)                   // heading
        init_pair(3, Int16(COLOR_YELLOW), -1)                 // warning
        init_pair(4, Int16(COLOR_GREEN), -1)                  // notice
    }

    static func attributes(for style: Style, color: Bool) -> (attr_t, Int16) {
        var attributes: attr_t = 0
        if style.bold { attributes |= rm_a_bold() }
        if style.reverse { attributes |= rm_a_reverse() }
        if style.role == .muted { attributes |= rm_a_dim() }
        guard color else { return (attributes, 0) }
        switch style.role {
        case .title: return ((attributes & ~rm_a_reverse()) | rm_a_bold(), 1)
        case .heading: return (attributes, 2)
        case .warning, .negative: return (attributes, 3)
        case .notice, .positive: return (attributes, 4)
        default: return (attributes, 0)
        }
    }
}

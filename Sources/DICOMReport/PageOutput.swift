/// Builds the page in pieces and hands them to a sink in chunks of about 64 KiB, so a report
/// of thousands of studies is never held whole in memory.
final class PageOutput {
    private var buffer = ""
    private let sink: (String) -> Void
    private let chunkSize = 1 << 16

    init(_ sink: @escaping (String) -> Void) {
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 4096)
    }

    /// Markup from this module, written as it is.
    func raw(_ markup: String) {
        buffer += markup
        if buffer.utf8.count >= chunkSize { flush() }
    }

    /// Text from a file or a path, escaped.
    func text(_ value: String) {
        raw(HTMLEscaping.escape(value))
    }

    /// `<tag class="...">escaped value</tag>`.
    func element(_ tag: String, _ value: String, class name: String? = nil) {
        raw("<\(tag)" + (name.map { " class=\"\($0)\"" } ?? "") + ">")
        text(value)
        raw("</\(tag)>")
    }

    /// Hands over what is buffered.
    func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

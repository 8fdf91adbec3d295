// Reads lines from a file descriptor (standard input) in large chunks, without a copy per line.
//
//     LineReader input(0);
//     input.setBeforeWait([&] { output.flush(); });   // an interactive peer sees every answer
//     while (std::optional<LineReader::Line> line = input.readLine())
//         handle(line->text);
//
// QFile and QTextStream on stdin either block until their buffer is full (a peer that writes a line and
// waits for the answer would deadlock) or copy every line; this reads what is there (read(2)) and hands
// out views into its buffer. Before it blocks for more input it calls the beforeWait callback, which is
// where the output gets flushed: when requests come in bulk the answers go out in bulk, when they come
// one at a time each answer goes out at once.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace qtscheduler::cli {

class LineReader
{
public:
    // A line longer than this is not kept: it is reported as `tooLong` and skipped.
    static constexpr qsizetype MaxLineLength = qsizetype(16) * 1024 * 1024;

    struct Line
    {
        // Without its "\n" or "\r\n"; valid until the next readLine().
        QByteArrayView text;
        bool tooLong = false;
    };

    explicit LineReader(int fd);

    void setBeforeWait(std::function<void()> callback) { m_beforeWait = std::move(callback); }
    // The next line; std::nullopt at the end of the input or on a read error (see errorString()).
    std::optional<Line> readLine();
    // Empty unless reading failed.
    QString errorString() const { return m_error; }

private:
    // Reads more input after m_end; false at the end of the input or on an error.
    bool fill();

    int m_fd;
    std::vector<char> m_buffer;
    qsizetype m_begin = 0;   // start of the unread data
    qsizetype m_end = 0;     // end of the data read so far
    bool m_atEnd = false;
    QString m_error;
    std::function<void()> m_beforeWait;
};

} // namespace qtscheduler::cli

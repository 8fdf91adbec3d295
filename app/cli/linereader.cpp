#include "linereader.h"

#include <cerrno>
#include <cstring>

#ifdef _WIN32
#include <io.h>
#define QTSCHEDULER_READ ::_read
#else
#include <unistd.h>
#define QTSCHEDULER_READ ::read
#endif

namespace qtscheduler::cli {

namespace {
constexpr qsizetype ChunkSize = qsizetype(64) * 1024;
}

LineReader::LineReader(int fd)
    : m_fd(fd)
    , m_buffer(size_t(ChunkSize))
{
}

bool LineReader::fill()
{
    if (m_atEnd)
        return false;
    // Make room: move the unread part to the front, grow only for a line longer than the buffer.
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, size_t(m_end - m_begin));
        m_end -= m_begin;
        m_begin = 0;
    }
    if (qsizetype(m_buffer.size()) - m_end < ChunkSize / 2)
        m_buffer.resize(m_buffer.size() * 2);
    if (m_beforeWait)
        m_beforeWait();
    while (true) {
        const auto n = QTSCHEDULER_READ(m_fd, m_buffer.data() + m_end, static_cast<unsigned>(m_buffer.size() - size_t(m_end)));
        if (n > 0) {
            m_end += n;
            return true;
        }
        if (n == 0) {
            m_atEnd = true;
            return false;
        }
        if (errno == EINTR)
            continue;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        m_atEnd = true;
        return false;
    }
}

std::optional<LineReader::Line> LineReader::readLine()
{
    qsizetype searchFrom = m_begin;
    bool skipping = false;   // inside a line that has grown too long: drop it up to its end
    while (true) {
        const char *data = m_buffer.data();
        const void *newline = std::memchr(data + searchFrom, '\n', size_t(m_end - searchFrom));
        if (newline) {
            const qsizetype end = static_cast<const char *>(newline) - data;
            Line line;
            if (skipping) {
                line.tooLong = true;
            } else {
                qsizetype textEnd = end;
                if (textEnd > m_begin && data[textEnd - 1] == '\r')
                    --textEnd;
                line.text = QByteArrayView(data + m_begin, textEnd - m_begin);
            }
            m_begin = end + 1;
            return line;
        }
        if (m_end - m_begin > MaxLineLength) {
            skipping = true;
            m_begin = m_end = 0;
        }
        searchFrom = m_end - m_begin;   // offset after fill() moves the data to the front
        if (!fill()) {
            if (skipping)
                return Line{{}, true};
            if (m_end > m_begin) {
                // The last line, without an end of line.
                Line line{QByteArrayView(m_buffer.data() + m_begin, m_end - m_begin), false};
                if (line.text.endsWith('\r'))
                    line.text.chop(1);
                m_begin = m_end;
                return line;
            }
            return std::nullopt;
        }
    }
}

} // namespace qtscheduler::cli

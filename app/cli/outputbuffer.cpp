#include "outputbuffer.h"

#include <cerrno>
#include <cstring>

#ifdef _WIN32
#include <io.h>
#define QTSCHEDULER_WRITE ::_write
#else
#include <unistd.h>
#define QTSCHEDULER_WRITE ::write
#endif

namespace qtscheduler::cli {

namespace {
constexpr qsizetype Capacity = qsizetype(64) * 1024;
}

OutputBuffer::OutputBuffer(int fd)
    : m_fd(fd)
    , m_buffer(size_t(Capacity))
{
}

OutputBuffer::~OutputBuffer()
{
    flush();
}

char *OutputBuffer::reserve(qsizetype size)
{
    if (m_size + size > qsizetype(m_buffer.size())) {
        flush();
        if (size > qsizetype(m_buffer.size()))
            m_buffer.resize(size_t(size));
    }
    return m_buffer.data() + m_size;
}

void OutputBuffer::append(QByteArrayView bytes)
{
    if (m_size + bytes.size() > qsizetype(m_buffer.size()))
        flush();
    if (bytes.size() > qsizetype(m_buffer.size())) {
        // Too big to buffer: write it through.
        m_buffer.resize(size_t(bytes.size()));
    }
    std::memcpy(m_buffer.data() + m_size, bytes.data(), size_t(bytes.size()));
    m_size += bytes.size();
}

void OutputBuffer::append(char c)
{
    if (m_size == qsizetype(m_buffer.size()))
        flush();
    m_buffer[size_t(m_size++)] = c;
}

bool OutputBuffer::flush()
{
    qsizetype written = 0;
    while (written < m_size && m_error.isEmpty()) {
        const auto n = QTSCHEDULER_WRITE(m_fd, m_buffer.data() + written, static_cast<unsigned>(m_size - written));
        if (n > 0) {
            written += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            m_error = QString::fromLocal8Bit(std::strerror(errno));
        }
    }
    // After a failure the output is dropped: nobody is reading it.
    m_size = 0;
    return m_error.isEmpty();
}

} // namespace qtscheduler::cli

// Buffered output to a file descriptor (standard output), written in large blocks.
//
//     OutputBuffer out(1);
//     char *p = out.reserve(IsoDateTime::MaxFormattedLength);
//     out.commit(IsoDateTime::formatTo(p, instant, zone));
//     out.append("\n");
//     out.flush();
//
// std::cout and QTextStream cost a conversion or a virtual call per piece; this keeps one buffer and
// writes it with write(2) when it is full or when flush() is called.
#pragma once

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace qtscheduler::cli {

class OutputBuffer
{
public:
    explicit OutputBuffer(int fd);
    ~OutputBuffer();
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    void append(QByteArrayView bytes);
    void append(char c);
    // Room for `size` bytes at the end; commit() says how many were written.
    char *reserve(qsizetype size);
    void commit(qsizetype written) { m_size += written; }

    // Writes everything buffered; false (and errorString()) when writing failed, now or before.
    bool flush();
    bool hasFailed() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    int m_fd;
    std::vector<char> m_buffer;
    qsizetype m_size = 0;
    QString m_error;
};

} // namespace qtscheduler::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The hand-over between the import's reader thread and the thread that analyses and writes.

#include "logrequest.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

namespace hs::logimport {

// Batches from the reader thread to the importing one; at most kDepth wait, so memory stays
// bounded when reading is faster than the rest.
class BatchQueue
{
public:
    void push(std::vector<LogRequest>&& batch, const std::atomic<bool>& stop)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_items.size() < kDepth || stop.load(); });
        if (stop.load())
            return;
        m_items.push_back(std::move(batch));
        m_ready.notify_one();
    }
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_all();
    }
    bool pop(std::vector<LogRequest>* batch)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty())
            return false;
        *batch = std::move(m_items.front());
        m_items.pop_front();
        m_space.notify_one();
        return true;
    }

private:
    static constexpr std::size_t kDepth = 4;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<std::vector<LogRequest>> m_items;
    bool m_closed = false;
};

} // namespace hs::logimport

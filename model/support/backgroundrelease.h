// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Drops a reference to a large value on a worker thread. Freeing the previous selection's tables
// (tens of thousands of strings at full scale) takes milliseconds that the GUI thread, which only
// swaps the new ones in, should not spend.

#include "job.h"

#include <QThreadPool>

#include <memory>

namespace hs {

template <class T>
void releaseInBackground(std::shared_ptr<T> value)
{
    if (value)
        jobPool()->start([value = std::move(value)]() mutable { value.reset(); });
}

} // namespace hs

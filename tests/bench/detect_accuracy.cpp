// SPDX-License-Identifier: GPL-3.0-or-later
// bench_detect's scorer: account-level precision and recall and the adjusted Rand index of a
// `hydrascope detect` output against the generator's ground-truth.csv.
#include "detectscenario.h"

#include <QString>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: detect_accuracy DETECTED.db ground-truth.csv\n");
        return 2;
    }
    const hs::testing::Accuracy a = hs::testing::measureAccuracy(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    if (!a.error.isEmpty()) {
        std::fprintf(stderr, "%s\n", a.error.toLocal8Bit().constData());
        return 2;
    }
    std::printf("accuracy: precision %.4f, recall %.4f, adjusted Rand index %.4f (%lld flagged, %lld of %lld campaign accounts)\n",
                a.precision, a.recall, a.ari, static_cast<long long>(a.flagged), static_cast<long long>(a.truePositives),
                static_cast<long long>(a.positives));
    std::printf("targets: precision >= 0.99, recall >= 0.97: %s\n", a.precision >= 0.99 && a.recall >= 0.97 ? "met" : "NOT MET");
    return a.precision >= 0.99 && a.recall >= 0.97 ? 0 : 1;
}

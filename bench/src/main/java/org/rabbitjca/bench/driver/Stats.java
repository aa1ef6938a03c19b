// SPDX-License-Identifier: Apache-2.0
package org.rabbitjca.bench.driver;

import java.util.List;

/**
 * Min, median and max of repeated measurements.
 *
 * @param min the smallest
 * @param median the middle one (the mean of the two middle ones for an even count)
 * @param max the largest
 */
record Stats(double min, double median, double max) {

    static Stats of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        return new Stats(sorted.get(0), median, sorted.get(sorted.size() - 1));
    }
}

package org.statecraft.core.bargaining;

class WeightedMedianModelContractTest extends BargainingModelContractTest {
    @Override
    BargainingModel model(int threads) {
        return new WeightedMedianModel();
    }
}

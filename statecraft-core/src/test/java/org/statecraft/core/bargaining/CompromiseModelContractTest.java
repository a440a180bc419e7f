package org.statecraft.core.bargaining;

class CompromiseModelContractTest extends BargainingModelContractTest {
    @Override
    BargainingModel model(int threads) {
        return new CompromiseModel();
    }
}

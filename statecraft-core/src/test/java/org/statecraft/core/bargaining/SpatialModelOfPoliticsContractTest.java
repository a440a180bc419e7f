package org.statecraft.core.bargaining;

class SpatialModelOfPoliticsContractTest extends BargainingModelContractTest {
    @Override
    BargainingModel model(int threads) {
        return new SpatialModelOfPolitics(SmpParameters.DEFAULTS, threads);
    }

    @Override
    boolean threaded() {
        return true;
    }
}

package org.statecraft.core.bargaining;

class ExpectedUtilityModelContractTest extends BargainingModelContractTest {
    @Override
    BargainingModel model(int threads) {
        return new ExpectedUtilityModel(EumParameters.DEFAULTS);
    }
}

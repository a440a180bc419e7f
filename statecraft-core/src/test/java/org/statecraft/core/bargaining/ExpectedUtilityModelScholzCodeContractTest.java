package org.statecraft.core.bargaining;

class ExpectedUtilityModelScholzCodeContractTest extends BargainingModelContractTest {
    @Override
    BargainingModel model(int threads) {
        return new ExpectedUtilityModel(EumParameters.SCHOLZ_CODE);
    }
}

package org.statecraft.events.gdelt;

/**
 * Positions (from 0) of the columns Statecraft reads in GDELT 1.0 and 2.0 exports, which share them up to
 * ActionGeo; DATEADDED, ActionGeo_FeatureID and SOURCEURL differ and are given where they are read.
 */
final class GdeltColumns {
    static final int ID = 0;
    static final int SQLDATE = 1;
    static final int A1CODE = 5;
    static final int A1COUNTRY = 7;
    static final int A1GROUP = 8;
    static final int A2CODE = 15;
    static final int A2COUNTRY = 17;
    static final int A2GROUP = 18;
    static final int EVENTCODE = 26;
    static final int QUADCLASS = 29;
    static final int GOLDSTEIN = 30;

    private GdeltColumns() {
    }
}

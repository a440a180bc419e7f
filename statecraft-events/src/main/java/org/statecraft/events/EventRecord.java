package org.statecraft.events;

import java.time.LocalDate;
import org.statecraft.core.tension.TensionEvent;

/**
 * One event as read from GDELT, ICEWS or ACLED, in the store's terms.
 *
 * @param source which data set: {@link EventFormat#storeName()}
 * @param key the data set's own identity: GDELT's GLOBALEVENTID, ICEWS's {@code ID|date}, ACLED's event_id_cnty
 * @param date day of the event
 * @param actor1Code full CAMEO actor code where the source has one (GDELT), else null
 * @param actor1Name the actor's name as ICEWS or ACLED write it (null for GDELT, whose names derive from the code)
 * @param actor1Country CAMEO country code (PAK, AFG), null when unknown
 * @param actor1Group CAMEO known-group code (TAL), null when none
 * @param cameo CAMEO event code, as a string ("010" is not "10")
 * @param quadClass GDELT QuadClass 1..4
 * @param goldsteinGdelt Goldstein value from GDELT's table (the file's own value where the code is not in it)
 * @param goldsteinIcews Goldstein value from ICEWS's table (GDELT's where the code is not in it)
 * @param fileGoldstein the file's own Goldstein value (GDELT's GoldsteinScale, ICEWS's Intensity), NaN if none
 * @param dateAdded GDELT's DATEADDED (yyyyMMdd or yyyyMMddHHmmss as a number), 0 when the source has none
 * @param sourceUrl the article, where the source gives one (used for the re-emission key, not stored)
 * @param geoFeature GDELT's ActionGeo_FeatureID (part of what a re-emitted GDELT 2.0 event repeats), else null
 */
public record EventRecord(String source, String key, LocalDate date, String actor1Code, String actor1Name,
        String actor1Country, String actor1Group, String actor2Code, String actor2Name, String actor2Country,
        String actor2Group, String cameo, int quadClass, double goldsteinGdelt, double goldsteinIcews,
        double fileGoldstein,         long dateAdded, String sourceUrl, String geoFeature) {

    /** The event as the tension index sees it, with the Goldstein values of the given scale. */
    public TensionEvent toTensionEvent(boolean icewsScale) {
        return new TensionEvent(date, actor(actor1Country, actor1Group), actor(actor2Country, actor2Group), cameo,
                icewsScale ? goldsteinIcews : goldsteinGdelt, quadClass);
    }

    /** {@code CTRY} or {@code CTRY/GRP}, or null without a country (the form of {@link TensionEvent}). */
    public static String actor(String country, String group) {
        if (country == null || country.isEmpty()) {
            return null;
        }
        return group == null || group.isEmpty() ? country : country + "/" + group;
    }
}

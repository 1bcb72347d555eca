extension Schema {
    /// Found by a second helper in `psql` after migration 13:
    /// - the server read `prijzen.csv` itself and disagreed with the app: the shipped list's
    ///   quoted `bron` holds a `;`, a dot decimal or a quoted field moved columns, so a correct
    ///   re-pricing was refused and a wrong price accepted. Now each list keeps its prices as the
    ///   app reads them (`prices`: code → [unit price as a case file writes it, year, grade],
    ///   filled at import and, for lists imported before, by `database migrate`), compared as text
    ///   (`3204e-2` equalled 32.04 as a number, and the app cannot read it);
    /// - a re-pricing that changed no price or version was accepted, and with it new figures;
    /// - earlier steps, their hashes and the history's head could be rewritten, and a new step
    ///   could come without its hashes;
    /// - lines not changed were not held to the new version's prices (their grade stays: the app
    ///   keeps the item of a line whose price did not move).
    static var version14: [String] {
        [
            "ALTER TABLE rm_price_list ADD COLUMN prices jsonb",
            """
            CREATE FUNCTION rm_listed(list_version text, item_code text) RETURNS jsonb LANGUAGE sql STABLE
            SET search_path = public, pg_temp AS $$
                SELECT p.prices->item_code FROM rm_price_list p
                WHERE p.organisation_id = rm_my_organisation() AND p.version = list_version
            $$
            """,
            """
            CREATE OR REPLACE FUNCTION rm_beheerder_reprices_only() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                old_content jsonb := OLD.content::jsonb;
                new_content jsonb := NEW.content::jsonb;
                old_steps int;
                new_steps int;
                other_steps int;
                broken_steps int;
                wrong_prices int;
                changed_lines int;
                old_version text;
                new_version text;
            BEGIN
                IF rm_my_role() IS DISTINCT FROM 'beheerder' THEN
                    RETURN NEW;
                END IF;
                IF NEW.status <> OLD.status OR rm_without_prices(new_content) IS DISTINCT FROM rm_without_prices(old_content) THEN
                    RAISE EXCEPTION 'casus %: een beheerder wijzigt op de server alleen prijzen (herprijzen); de rest van de casus blijft zoals hij is',
                        OLD.id USING ERRCODE = '42501';
                END IF;
                old_steps := coalesce(jsonb_array_length(old_content->'history'), 0);
                new_steps := coalesce(jsonb_array_length(new_content->'history'), 0);
                SELECT count(*) INTO other_steps FROM jsonb_array_elements(new_content->'history') WITH ORDINALITY AS h(step, n)
                WHERE n > old_steps AND (step->>'action' IS DISTINCT FROM 'herprijzing' OR step->>'by' IS DISTINCT FROM session_user::text);
                IF new_steps <= old_steps OR other_steps > 0 THEN
                    RAISE EXCEPTION 'casus %: een herprijzing komt met herprijzingsstappen op naam van wie herprijst, en alleen daarmee', OLD.id
                        USING ERRCODE = '42501';
                END IF;
                -- Earlier steps stay as they were; each new one carries its hashes, chained, and the head is the last.
                SELECT count(*) INTO broken_steps FROM jsonb_array_elements(new_content->'history') WITH ORDINALITY AS h(step, n)
                WHERE (n <= old_steps AND step IS DISTINCT FROM old_content->'history'->(n::int - 1))
                   OR (n > old_steps AND (coalesce(step->>'hash', '') = '' OR coalesce(step->>'contentHash', '') = ''
                       OR step->>'previousHash' IS DISTINCT FROM CASE WHEN n = 1 THEN '' ELSE new_content->'history'->(n::int - 2)->>'hash' END));
                IF broken_steps > 0 OR new_content->>'historyHead' IS DISTINCT FROM new_content->'history'->(new_steps - 1)->>'hash' THEN
                    RAISE EXCEPTION 'casus %: de geschiedenis wordt alleen aangevuld, met stappen die hun hashes dragen', OLD.id USING ERRCODE = '23514';
                END IF;
                old_version := old_content->>'priceListVersion';
                new_version := new_content->>'priceListVersion';
                IF new_version IS NULL OR (new_version IS DISTINCT FROM old_version
                   AND NOT EXISTS (SELECT 1 FROM rm_price_list WHERE organisation_id = NEW.organisation_id AND version = new_version)) THEN
                    RAISE EXCEPTION 'casus %: prijslijst % staat niet op de server', OLD.id, coalesce(new_version, '(geen)') USING ERRCODE = '23514';
                END IF;
                -- A changed line carries its listed price; on a new version every listed item does
                -- (an item the list lacks keeps its old price, as the app re-prices).
                WITH lines AS (
                    SELECT line, line->'item' IS DISTINCT FROM old_content->'avoided'->(n::int - 1)->'item' AS changed
                    FROM jsonb_array_elements(new_content->'avoided') WITH ORDINALITY AS a(line, n)
                    UNION ALL
                    SELECT line, line->'item' IS DISTINCT FROM old_content->'deployed'->(n::int - 1)->'item'
                    FROM jsonb_array_elements(new_content->'deployed') WITH ORDINALITY AS d(line, n)),
                checked AS (
                    SELECT changed, rm_listed(new_version, line->'item'->>'code') AS listed, line->'item' AS item FROM lines)
                SELECT count(*) FILTER (WHERE changed), count(*) FILTER (WHERE
                        (changed AND (listed IS NULL OR item->>'unitPrice' IS DISTINCT FROM listed->>0
                                      OR item->'priceYear' IS DISTINCT FROM listed->1 OR item->>'grade' IS DISTINCT FROM listed->>2))
                        OR (NOT changed AND new_version IS DISTINCT FROM old_version AND listed IS NOT NULL
                            AND (item->>'unitPrice' IS DISTINCT FROM listed->>0 OR item->'priceYear' IS DISTINCT FROM listed->1)))
                INTO changed_lines, wrong_prices FROM checked;
                IF changed_lines = 0 AND new_version IS NOT DISTINCT FROM old_version THEN
                    RAISE EXCEPTION 'casus %: een herprijzing verandert een prijs of de prijslijstversie', OLD.id USING ERRCODE = '23514';
                END IF;
                IF wrong_prices > 0 THEN
                    RAISE EXCEPTION '% regel(s) krijgen een prijs die niet in prijslijst % op de server staat', wrong_prices,
                        new_version USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END $$
            """,
            "DROP FUNCTION rm_list_price(text, text)",
        ]
    }
}

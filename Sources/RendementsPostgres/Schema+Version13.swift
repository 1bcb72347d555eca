extension Schema {
    /// Found by a helper in `psql` as a beheerder after migration 12:
    /// - a re-pricing could set any price, year, law or kind (moving money between laws, or out
    ///   of the societal total); `reprice` also priced with the local folder's list when only its
    ///   version matched the server's. Now a changed line must carry exactly the unit price, price
    ///   year and grade of the server's list of the case's new `priceListVersion`, and keep its
    ///   code, description, law, kind and unit;
    /// - leaving out an empty `deployed` passed (missing and `[]` compared alike);
    /// - a herprijzing step could be put in another login's name;
    /// - figures could be deleted, and inserted by a beheerder, for any case: now only for a case
    ///   written in the same transaction (a push, a re-pricing), so no command leaves them apart
    ///   from their case.
    static var version13: [String] {
        let beheerder = Role.beheerder.groupRole
        return [
            """
            CREATE OR REPLACE FUNCTION rm_without_prices(content jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                SELECT (content - 'revision' - 'history' - 'historyHead' - 'priceListVersion') || jsonb_build_object(
                    'deployed', CASE WHEN jsonb_typeof(content->'deployed') = 'array' THEN (
                        SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(line->'item') = 'object'
                            THEN jsonb_set(line, '{item}', (line->'item') - 'unitPrice' - 'priceYear' - 'grade') ELSE line END ORDER BY n), '[]'::jsonb)
                        FROM jsonb_array_elements(content->'deployed') WITH ORDINALITY AS d(line, n)) ELSE content->'deployed' END,
                    'avoided', CASE WHEN jsonb_typeof(content->'avoided') = 'array' THEN (
                        SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(line->'item') = 'object'
                            THEN jsonb_set(line, '{item}', (line->'item') - 'unitPrice' - 'priceYear' - 'grade') ELSE line END ORDER BY n), '[]'::jsonb)
                        FROM jsonb_array_elements(content->'avoided') WITH ORDINALITY AS a(line, n)) ELSE content->'avoided' END)
            $$
            """,
            // The unit price (as a number), price year and grade of an item in one of the
            // organisation's price lists, read from its prijzen.csv by the header's column names.
            """
            CREATE FUNCTION rm_list_price(list_version text, item_code text) RETURNS TABLE (price numeric, year int, grade text)
            LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
                WITH list AS (
                    SELECT regexp_split_to_array(p.files->>'prijzen.csv', E'\\r?\\n') AS rows
                    FROM rm_price_list p WHERE p.organisation_id = rm_my_organisation() AND p.version = list_version),
                header AS (SELECT string_to_array(lower(btrim(rows[1], E'\\uFEFF ')), ';') AS names, rows FROM list)
                SELECT replace(replace(btrim(c.cells[array_position(h.names, 'prijs')]), '.', ''), ',', '.')::numeric,
                       btrim(c.cells[array_position(h.names, 'prijsjaar')])::int,
                       lower(btrim(c.cells[array_position(h.names, 'betrouwbaarheid')]))
                FROM header h, unnest(h.rows[2:]) AS r(line), LATERAL (SELECT string_to_array(r.line, ';') AS cells) c
                WHERE btrim(c.cells[array_position(h.names, 'code')]) = item_code
                LIMIT 1
            $$
            """,
            """
            CREATE OR REPLACE FUNCTION rm_beheerder_reprices_only() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                old_steps int;
                new_steps int;
                other_steps int;
                wrong_prices int;
                new_version text;
            BEGIN
                IF rm_my_role() IS DISTINCT FROM 'beheerder' THEN
                    RETURN NEW;
                END IF;
                IF NEW.status <> OLD.status OR rm_without_prices(NEW.content::jsonb) IS DISTINCT FROM rm_without_prices(OLD.content::jsonb) THEN
                    RAISE EXCEPTION 'casus %: een beheerder wijzigt op de server alleen prijzen (herprijzen); de rest van de casus blijft zoals hij is',
                        OLD.id USING ERRCODE = '42501';
                END IF;
                old_steps := coalesce(jsonb_array_length(OLD.content::jsonb->'history'), 0);
                new_steps := coalesce(jsonb_array_length(NEW.content::jsonb->'history'), 0);
                SELECT count(*) INTO other_steps FROM jsonb_array_elements(NEW.content::jsonb->'history') WITH ORDINALITY AS h(step, n)
                WHERE n > old_steps AND (step->>'action' IS DISTINCT FROM 'herprijzing' OR step->>'by' IS DISTINCT FROM session_user::text);
                IF new_steps <= old_steps OR other_steps > 0 THEN
                    RAISE EXCEPTION 'casus %: een herprijzing komt met herprijzingsstappen op naam van wie herprijst, en alleen daarmee', OLD.id
                        USING ERRCODE = '42501';
                END IF;
                new_version := NEW.content::jsonb->>'priceListVersion';
                IF new_version IS DISTINCT FROM OLD.content::jsonb->>'priceListVersion'
                   AND NOT EXISTS (SELECT 1 FROM rm_price_list WHERE organisation_id = NEW.organisation_id AND version = new_version) THEN
                    RAISE EXCEPTION 'casus %: prijslijst % staat niet op de server', OLD.id, new_version USING ERRCODE = '23514';
                END IF;
                SELECT count(*) INTO wrong_prices FROM (
                    SELECT line FROM jsonb_array_elements(NEW.content::jsonb->'avoided') WITH ORDINALITY AS a(line, n)
                    WHERE line->'item' IS DISTINCT FROM OLD.content::jsonb->'avoided'->(n::int - 1)->'item'
                    UNION ALL
                    SELECT line FROM jsonb_array_elements(NEW.content::jsonb->'deployed') WITH ORDINALITY AS d(line, n)
                    WHERE line->'item' IS DISTINCT FROM OLD.content::jsonb->'deployed'->(n::int - 1)->'item') AS changed
                WHERE NOT EXISTS (
                    SELECT 1 FROM rm_list_price(new_version, line->'item'->>'code') AS listed
                    WHERE listed.price = (line->'item'->>'unitPrice')::numeric AND listed.year = (line->'item'->>'priceYear')::int
                      AND listed.grade IS NOT DISTINCT FROM line->'item'->>'grade');
                IF wrong_prices > 0 THEN
                    RAISE EXCEPTION 'casus %: % regel(s) krijgen een prijs die niet in prijslijst % op de server staat', OLD.id, wrong_prices,
                        new_version USING ERRCODE = '23514';
                END IF;
                RETURN NEW;
            END $$
            """,
            // A case written in this transaction: its row's xmin is this transaction's id (32 bits).
            """
            CREATE FUNCTION rm_written_now(case_organisation int, case_id text) RETURNS boolean LANGUAGE sql STABLE
            SET search_path = public, pg_temp AS $$
                SELECT EXISTS (SELECT 1 FROM rm_case c WHERE c.organisation_id = case_organisation AND c.id = case_id
                               AND c.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text)
            $$
            """,
            "DROP POLICY rm_reprice_replaces ON rm_case_figure",
            """
            CREATE POLICY rm_reprice_replaces ON rm_case_figure FOR DELETE TO \(beheerder)
            USING (organisation_id = rm_my_organisation() AND rm_written_now(organisation_id, case_id))
            """,
            "DROP POLICY rm_push ON rm_case_figure",
            """
            CREATE POLICY rm_push ON rm_case_figure FOR INSERT TO \(beheerder)
            WITH CHECK (organisation_id = rm_my_organisation() AND rm_written_now(organisation_id, case_id))
            """,
        ]
    }
}

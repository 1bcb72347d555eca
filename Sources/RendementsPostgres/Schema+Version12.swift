extension Schema {
    /// `reprice --database`: a beheerder re-prices the organisation's cases, approved ones
    /// included, and may change nothing else. At an update by a beheerder the case must keep its
    /// status and everything a price list does not decide (story, context, quantities,
    /// likelihoods, each line's item code and description, the author's original estimate), and
    /// every step added to its history must be a `herprijzing`. What a price list decides of a
    /// line's item (price, price year, unit, law, kind, grade) and the list's version may change.
    static var version12: [String] {
        let beheerder = Role.beheerder.groupRole
        return [
            """
            CREATE FUNCTION rm_without_prices(content jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE
            SET search_path = public, pg_temp AS $$
                SELECT (content - 'revision' - 'history' - 'historyHead' - 'priceListVersion') || jsonb_build_object(
                    'deployed', (SELECT coalesce(jsonb_agg(line || jsonb_build_object('item', jsonb_build_object(
                                     'code', line->'item'->'code', 'description', line->'item'->'description')) ORDER BY n), '[]'::jsonb)
                                 FROM jsonb_array_elements(content->'deployed') WITH ORDINALITY AS d(line, n)),
                    'avoided', (SELECT coalesce(jsonb_agg(line || jsonb_build_object('item', jsonb_build_object(
                                    'code', line->'item'->'code', 'description', line->'item'->'description')) ORDER BY n), '[]'::jsonb)
                                FROM jsonb_array_elements(content->'avoided') WITH ORDINALITY AS a(line, n)))
            $$
            """,
            """
            CREATE FUNCTION rm_beheerder_reprices_only() RETURNS trigger LANGUAGE plpgsql
            SET search_path = public, pg_temp AS $$
            DECLARE
                old_steps int;
                new_steps int;
                other_steps int;
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
                WHERE n > old_steps AND step->>'action' IS DISTINCT FROM 'herprijzing';
                IF new_steps <= old_steps OR other_steps > 0 THEN
                    RAISE EXCEPTION 'casus %: een herprijzing komt met een herprijzingsstap in de geschiedenis, en alleen daarmee', OLD.id
                        USING ERRCODE = '42501';
                END IF;
                RETURN NEW;
            END $$
            """,
            "CREATE TRIGGER rm_beheerder_reprices_only BEFORE UPDATE ON rm_case FOR EACH ROW EXECUTE FUNCTION rm_beheerder_reprices_only()",
            """
            CREATE POLICY rm_beheerder_reprices ON rm_case FOR UPDATE TO \(beheerder)
            USING (organisation_id = rm_my_organisation()) WITH CHECK (organisation_id = rm_my_organisation())
            """,
            "GRANT UPDATE ON rm_case TO \(beheerder)",
            // A re-priced approved case is valued again: its figures are replaced, as an approval's are.
            "CREATE POLICY rm_reprice_replaces ON rm_case_figure FOR DELETE TO \(beheerder) USING (organisation_id = rm_my_organisation())",
            "GRANT DELETE ON rm_case_figure TO \(beheerder)",
        ]
    }
}

-- Roll-ups become one row per series and UTC day: the day's totals plus its 24 hourly aggregates as
-- arrays (element i holds hour i-1, UTC). A 30-day hourly read of 1 000 series is then ~31 000 rows
-- instead of 720 000, and a 7-day summary reads 7 day totals per series instead of 168 hours.
-- metric_hourly, the former table, becomes a view over these rows, so ad-hoc SQL keeps working.

-- Element-wise merges of two days' hourly arrays, for the write path's upsert, and a day's packed hourly
-- averages, for its generated column. Written out element by element (generated below) rather than with
-- unnest: an expression of plain subscripts is inlined into the upsert, where a subquery per array would
-- run as its own plan for every row.
DO $$
DECLARE
    merges text[][] := ARRAY[
        ['metric_merge_counts', 'integer[]', 'a[%1$s] + b[%1$s]'],
        ['metric_merge_sums', 'double precision[]', 'CASE WHEN a[%1$s] IS NULL THEN b[%1$s] WHEN b[%1$s] IS NULL THEN a[%1$s] ELSE a[%1$s] + b[%1$s] END'],
        ['metric_merge_mins', 'double precision[]', 'least(a[%1$s], b[%1$s])'],
        ['metric_merge_maxes', 'double precision[]', 'greatest(a[%1$s], b[%1$s])'],
        ['metric_merge_last_ts', 'timestamptz[]', 'greatest(a[%1$s], b[%1$s])']];
    avgs text := (SELECT string_agg(format('float8send(CASE WHEN counts[%1$s] > 0 THEN sums[%1$s] / counts[%1$s] ELSE ''NaN'' END)', h),
                                    ' || ' ORDER BY h)
                  FROM generate_series(1, 24) h);
    i integer;
BEGIN
    FOR i IN 1 .. array_length(merges, 1) LOOP
        EXECUTE format('CREATE FUNCTION %I(a %s, b %s) RETURNS %s LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN ARRAY[%s]',
                       merges[i][1], merges[i][2], merges[i][2], merges[i][2],
                       (SELECT string_agg(format(merges[i][3], h), ', ' ORDER BY h) FROM generate_series(1, 24) h));
    END LOOP;
    EXECUTE format('CREATE FUNCTION metric_hour_avgs(sums double precision[], counts integer[]) '
                   'RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN %s', avgs);
    -- the last value of each hour: the one with the later time (b, the newer write, on a tie)
    EXECUTE format('CREATE FUNCTION metric_merge_lasts(a double precision[], a_ts timestamptz[], b double precision[], '
                   'b_ts timestamptz[]) RETURNS double precision[] LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURN ARRAY[%s]',
                   (SELECT string_agg(format('CASE WHEN a_ts[%1$s] IS NULL OR b_ts[%1$s] >= a_ts[%1$s] THEN coalesce(b[%1$s], a[%1$s]) ELSE a[%1$s] END', h),
                                      ', ' ORDER BY h)
                    FROM generate_series(1, 24) h));
END
$$;

CREATE TABLE metric_daily (
    series_id    integer            NOT NULL,
    day          date               NOT NULL,
    count        integer            NOT NULL,
    min          double precision   NOT NULL,
    max          double precision   NOT NULL,
    sum          double precision   NOT NULL,
    last_ts      timestamptz        NOT NULL,
    last_value   double precision   NOT NULL,
    hour_count   integer[]          NOT NULL, -- 0 for an hour without samples
    hour_min     double precision[] NOT NULL, -- NULL for an hour without samples, as are the arrays below
    hour_max     double precision[] NOT NULL,
    hour_sum     double precision[] NOT NULL,
    hour_last_ts timestamptz[]      NOT NULL,
    hour_last    double precision[] NOT NULL,
    -- sum / count of each hour, packed as 24 big-endian doubles (NaN without samples): what an hourly
    -- average read needs, sent as it is stored, where an array costs the server a call per element
    hour_avg     bytea              GENERATED ALWAYS AS (metric_hour_avgs(hour_sum, hour_count)) STORED,
    PRIMARY KEY (series_id, day),
    CONSTRAINT metric_daily_24_hours CHECK (cardinality(hour_count) = 24 AND cardinality(hour_sum) = 24)
) PARTITION BY RANGE (day);

-- Move the existing hourly roll-ups into day rows, creating the monthly partitions they need.
DO $$
DECLARE
    m    date;
    last date;
BEGIN
    SELECT date_trunc('month', min(hour) AT TIME ZONE 'UTC')::date, (max(hour) AT TIME ZONE 'UTC')::date
    INTO m, last FROM metric_hourly;
    WHILE m <= last LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF metric_daily FOR VALUES FROM (%L) TO (%L)',
                       'metric_daily_' || to_char(m, 'YYYYMM'), m, (m + interval '1 month')::date);
        m := (m + interval '1 month')::date;
    END LOOP;
END
$$;

INSERT INTO metric_daily (series_id, day, count, min, max, sum, last_ts, last_value,
                          hour_count, hour_min, hour_max, hour_sum, hour_last_ts, hour_last)
WITH hourly AS (
    SELECT series_id, (hour AT TIME ZONE 'UTC')::date AS day,
           extract(hour FROM hour AT TIME ZONE 'UTC')::integer AS slot, count, min, max, sum, last_ts, last_value
    FROM metric_hourly),
days AS (SELECT DISTINCT series_id, day FROM hourly)
SELECT d.series_id, d.day, sum(h.count), min(h.min), max(h.max), sum(h.sum), max(h.last_ts),
       (array_agg(h.last_value ORDER BY h.last_ts DESC NULLS LAST))[1],
       array_agg(coalesce(h.count, 0) ORDER BY s.slot), array_agg(h.min ORDER BY s.slot),
       array_agg(h.max ORDER BY s.slot), array_agg(h.sum ORDER BY s.slot), array_agg(h.last_ts ORDER BY s.slot),
       array_agg(h.last_value ORDER BY s.slot)
FROM days d
CROSS JOIN generate_series(0, 23) AS s(slot)
LEFT JOIN hourly h ON h.series_id = d.series_id AND h.day = d.day AND h.slot = s.slot
GROUP BY d.series_id, d.day
ORDER BY d.series_id, d.day;

DROP TABLE metric_hourly;

CREATE VIEW metric_hourly AS
SELECT d.series_id, (d.day + (x.slot - 1) * interval '1 hour') AT TIME ZONE 'UTC' AS hour,
       x.count, x.min, x.max, x.sum, x.last_ts, x.last_value
FROM metric_daily d
CROSS JOIN LATERAL unnest(d.hour_count, d.hour_min, d.hour_max, d.hour_sum, d.hour_last_ts, d.hour_last)
    WITH ORDINALITY AS x(count, min, max, sum, last_ts, last_value, slot)
WHERE x.count > 0;

-- As in V3, with monthly roll-up partitions of metric_daily instead of metric_hourly.
CREATE OR REPLACE FUNCTION metric_ensure_partitions(from_ts timestamptz, to_ts timestamptz) RETURNS integer
    LANGUAGE plpgsql AS
$$
DECLARE
    d       date := (from_ts AT TIME ZONE 'UTC')::date;
    m       date := date_trunc('month', from_ts AT TIME ZONE 'UTC')::date;
    created integer := 0;
    name    text;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('nopesight.metric_partitions'));
    WHILE d <= (to_ts AT TIME ZONE 'UTC')::date LOOP
        name := 'metric_sample_' || to_char(d, 'YYYYMMDD');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF metric_sample FOR VALUES FROM (%L) TO (%L)',
                           name, d::timestamp AT TIME ZONE 'UTC', (d + 1)::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        d := d + 1;
    END LOOP;
    WHILE m <= (to_ts AT TIME ZONE 'UTC')::date LOOP
        name := 'metric_daily_' || to_char(m, 'YYYYMM');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF metric_daily FOR VALUES FROM (%L) TO (%L)',
                           name, m, (m + interval '1 month')::date);
            created := created + 1;
        END IF;
        m := (m + interval '1 month')::date;
    END LOOP;
    RETURN created;
END
$$;

package nl.actionledger.query.webapp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.actionledger.events.ImplementationStatus;
import nl.actionledger.query.history.StatusOverTime;

/**
 * A stacked area chart of the number of actions per status over time, as the coordinates of SVG shapes that the page
 * draws: computed here, so the page needs no script and no chart library. The areas are stacked in the order of the
 * statuses, each on top of the ones before it; time runs along the x-axis in proportion (the last period may be
 * shorter). Colours come from the stylesheet by status; the page adds a legend and a table with every number, so that
 * colour is never the only way to read it.
 */
record StatusChart(int width, int height, List<Area> areas, List<Tick> yTicks, List<Tick> xTicks, Frame frame) {

    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    private static final int LEFT = 48;
    private static final int RIGHT = 40; // room for half the last date under the axis
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final int MAX_X_LABELS = 8;

    /** One status's band: {@code points} is the SVG polygon's list of coordinates. */
    record Area(ImplementationStatus status, String points) {}

    /** A grid line at {@code x1,y1 - x2,y2}, with its label at {@code labelX,labelY}. */
    record Tick(String label, double x1, double y1, double x2, double y2, double labelX, double labelY) {}

    /** The plot's axes. */
    record Frame(double left, double top, double right, double bottom) {}

    static StatusChart of(StatusOverTime series) {
        List<StatusOverTime.Point> points = series.points();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        int maximum = Math.max(
                1, points.stream().mapToInt(StatusOverTime.Point::actions).max().orElse(0));
        int step = niceStep(maximum);
        int top = (maximum + step - 1) / step * step;
        Instant start = points.get(0).at();
        double span = Math.max(
                1, Duration.between(start, points.get(points.size() - 1).at()).toSeconds());
        double[] xs = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = LEFT
                    + plotWidth * Duration.between(start, points.get(i).at()).toSeconds() / span;
        }

        List<Area> areas = new ArrayList<>();
        int[] below = new int[points.size()];
        for (ImplementationStatus status : ImplementationStatus.values()) {
            int[] above = new int[points.size()];
            boolean any = false;
            for (int i = 0; i < xs.length; i++) {
                int count = points.get(i).statuses().getOrDefault(status, 0);
                above[i] = below[i] + count;
                any |= count > 0;
            }
            if (any) {
                StringBuilder polygon = new StringBuilder();
                for (int i = 0; i < xs.length; i++) {
                    polygon.append(coordinate(xs[i], y(above[i], top, plotHeight)))
                            .append(' ');
                }
                for (int i = xs.length - 1; i >= 0; i--) {
                    polygon.append(coordinate(xs[i], y(below[i], top, plotHeight)))
                            .append(' ');
                }
                areas.add(new Area(status, polygon.toString().strip()));
            }
            below = above;
        }

        List<Tick> yTicks = new ArrayList<>();
        for (int value = 0; value <= top; value += step) {
            double y = y(value, top, plotHeight);
            yTicks.add(new Tick(Integer.toString(value), LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4));
        }
        List<Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (points.size() + MAX_X_LABELS - 1) / MAX_X_LABELS);
        for (int i = 0; i < xs.length; i += every) {
            xTicks.add(new Tick(
                    PageDates.dateOf(points.get(i).at()).toString(),
                    xs[i],
                    TOP,
                    xs[i],
                    TOP + plotHeight,
                    xs[i],
                    HEIGHT - BOTTOM + 18));
        }
        return new StatusChart(
                WIDTH, HEIGHT, areas, yTicks, xTicks, new Frame(LEFT, TOP, WIDTH - RIGHT, TOP + plotHeight));
    }

    /** 1, 2 or 5 times a power of ten: the smallest that needs at most six grid lines up to the maximum. */
    static int niceStep(int maximum) {
        int step = 1;
        while (true) {
            for (int factor : new int[] {1, 2, 5}) {
                if (maximum / (step * factor) <= 5) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static double y(int value, int top, double plotHeight) {
        return TOP + plotHeight - plotHeight * value / top;
    }

    private static String coordinate(double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
    }
}

package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.varflow.Varflow;
import org.varflow.cli.exercise.Exercise;
import org.varflow.cli.exercise.Exercises;

/**
 * {@code varflow exercise}: the list, each task, a right answer (exit 0, with why and the flow showing it), a wrong
 * one (exit 4, with a hint naming the common mistake), bad input (exit 2); and each exercise's answer against an
 * independent computation: the flow itself.
 */
class ExerciseCommandTest {
    private static final Varflow VARFLOW = Varflow.create();

    @Test
    void listsTheExercisesAndStatesATask() {
        CliRunner list = CliRunner.run("exercise");
        assertThat(list.code()).isZero();
        Exercises.all().forEach(e -> assertThat(list.out()).contains(e.name()));
        CliRunner task = CliRunner.run("exercise", "stability");
        assertThat(task.code()).isZero();
        assertThat(task.out()).contains("largest step h", "--answer X").doesNotContain("0.5 =");
    }

    @Test
    void rightWrongAndBadAnswers() {
        CliRunner right = CliRunner.run("exercise", "jko-step", "--answer", "4/3");
        assertThat(right.code()).as(right.err()).isZero();
        assertThat(right.out()).contains("right: 4/3", "why:", "implicit Euler", "the flow shows it");
        CliRunner close = CliRunner.run("exercise", "euler-maruyama-bias", "--answer", "1.0526");
        assertThat(close.code()).isZero();
        assertThat(close.out()).contains("exactly 1.05263");
        CliRunner wrong = CliRunner.run("exercise", "stability", "--answer", "0.25");
        assertThat(wrong.code()).isEqualTo(CheckCommand.CHECK_FAILED);
        assertThat(wrong.out()).contains("not right", "1/L", "--solution").doesNotContain("why:");
        CliRunner bad = CliRunner.run("exercise", "stability", "--answer", "half");
        assertThat(bad.code()).isEqualTo(Main.USAGE);
        assertThat(bad.err()).contains("--answer half", "a number", "1/2");
        CliRunner unknown = CliRunner.run("exercise", "stabilty");
        assertThat(unknown.code()).isEqualTo(Main.USAGE);
        assertThat(unknown.err()).contains("unknown exercise 'stabilty'", "stability");
    }

    @Test
    void answersArePlainDecimalsOrFractionsOfThem() {
        // Java's own number reader takes these as 8, 1, NaN, infinity and 1/0 = infinity: none is an answer
        for (String lenient : List.of("0x1p3", "1d", "2f", "NaN", "Infinity", "-Infinity", "1/2d", "0x1/2", "1/",
                "/2", "1/2/3")) {
            CliRunner r = CliRunner.run("exercise", "stability", "--answer", lenient);
            assertThat(r.code()).as(lenient + ": " + r.out() + r.err()).isEqualTo(Main.USAGE);
            assertThat(r.err()).as(lenient).contains("--answer " + lenient, "plain decimal", "1/2");
            assertThat(r.out()).as(lenient).isEmpty();
        }
        for (String zero : List.of("1/0", "1/0.0", "0/0", "1/-0e5")) {
            CliRunner r = CliRunner.run("exercise", "stability", "--answer", zero);
            assertThat(r.code()).as(zero + ": " + r.err()).isEqualTo(Main.USAGE);
            assertThat(r.err()).as(zero).contains("--answer " + zero, "divides by zero");
        }
        CliRunner overflow = CliRunner.run("exercise", "stability", "--answer", "1e300/1e-300");
        assertThat(overflow.code()).isEqualTo(Main.USAGE);
        assertThat(overflow.err()).contains("not a finite number");
        for (String half : List.of("1/2", "0.5", "5e-1", " 1/2 ", "+.5", "2/4", "1.5/3")) {
            assertThat(Exercises.parse(half)).as(half).isEqualTo(0.5);
            CliRunner r = CliRunner.run("exercise", "stability", "--answer", half);
            assertThat(r.code()).as(half + ": " + r.err()).isIn(0, CheckCommand.CHECK_FAILED);
            assertThat(r.out()).as(half).containsAnyOf("right: ", "not right: ");
        }
    }

    @Test
    void everyExercisesAnswerIsRightAndItsHintsAreNotAnswers() {
        for (Exercise e : Exercises.all()) {
            CliRunner r = CliRunner.run("exercise", e.name(), "--answer", Double.toString(e.answer()));
            assertThat(r.code()).as(e.name() + ": " + r.out() + r.err()).isZero();
            assertThat(Math.abs(e.answer() * 1.2 + 0.1 - e.answer())).as(e.name()).isGreaterThan(e.tolerance());
            assertThat(e.hint(e.answer() * 1.2 + 0.1)).isNotBlank();
        }
        assertThat(Exercises.parse(" 2/1.5 ")).isCloseTo(4.0 / 3, within(1e-15));
    }

    @Test
    void theFlowsAgreeWithTheClosedForms() {
        // 2/L: below it gradient descent reaches the minimum -0.625, above it the stiff mode overflows
        List<String> stability = Exercises.named("stability").demonstrate(VARFLOW);
        assertThat(stability.get(0)).contains("h = 0.45: converges", "E = -0.6250");
        assertThat(stability.get(1)).contains("h = 0.55: diverges");
        // the natural gradient of a quadratic lands on A^-1 b in one step
        assertThat(Exercises.named("natural-gradient-newton").demonstrate(VARFLOW).get(0))
                .contains("x = (1.000, 0.2500)");
        // Euler-Maruyama's variance: within 5 standard errors of 40000 samples (v sqrt(2/N)) of 1/(1 - h/2)
        Exercise bias = Exercises.named("euler-maruyama-bias");
        double measured = number(bias.demonstrate(VARFLOW).get(0), "sample variance ");
        assertThat(measured).isCloseTo(bias.answer(), within(5 * bias.answer() * Math.sqrt(2.0 / 40_000)));
        assertThat(Math.abs(measured - 1)).as("and away from the flow's 1").isGreaterThan(0.02);
        // the JKO scheme's mean moves exactly as implicit Euler (the entropy term does not see translations)
        String jko = Exercises.named("jko-step").demonstrate(VARFLOW).get(0);
        assertThat(number(jko, "mean ")).isCloseTo(4.0 / 3, within(1e-3));
        assertThat(number(jko, "variance ")).isCloseTo(0.5892, within(2e-3));
    }

    private static double number(String line, String after) {
        Matcher m = Pattern.compile(Pattern.quote(after) + "(-?[0-9.]+(e[-+]?[0-9]+)?)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Double.parseDouble(m.group(1));
    }
}

package org.varflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema errors in spec files name the line and column of the offending key (unknown keys) or value (wrong types,
 * bad ids, invalid parameter values), in YAML and in JSON, as syntax errors already did.
 */
class SpecLocationTest {
    @TempDir
    Path dir;

    private CliRunner run(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        CliRunner r = CliRunner.run("run", "--spec", file.toString(), "--steps", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(Main.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("varflow: spec file " + file).doesNotContain("Exception", "\tat ");
        return r;
    }

    @Test
    void unknownKeyInYaml() throws Exception {
        CliRunner r = run("key.yaml", "preset: langevin\nparts:\n  energy: quadratic\n  energi: quadratic\n");
        assertThat(r.err()).contains("line 4, column 3", "'parts.energi' is not a part kind", "'energy'");
        CliRunner top = run("top.yaml", "preset: langevin\nseed: 3\nparticle: 10\n");
        assertThat(top.err()).contains("line 3, column 1", "unknown key 'particle'", "did you mean 'particles'");
        CliRunner part = run("part.yaml", "preset: langevin\nparts:\n  entropy:\n    id: boltzmann\n    param: {}\n");
        assertThat(part.err()).contains("line 5, column 5", "unknown key 'parts.entropy.param'", "'params'");
    }

    @Test
    void unknownKeyInJson() throws Exception {
        CliRunner r = run("key.json", "{\n  \"preset\": \"langevin\",\n  \"seeds\": 3\n}\n");
        assertThat(r.err()).contains("line 3, column 3", "unknown key 'seeds'", "'seed'");
        CliRunner param = run("param.json", "{\"preset\": \"langevin\",\n \"parts\": {\"entropy\": {\"id\":"
                + " \"boltzmann\",\n   \"params\": {\"bta\": 2}}}}\n");
        assertThat(param.err()).contains("line 3, column 15", "entropy 'boltzmann' has no parameter 'bta'",
                "did you mean 'beta'");
    }

    @Test
    void wrongTypeInYaml() throws Exception {
        CliRunner r = run("type.yaml", "preset: langevin\nsteps: [1, 2]\n");
        assertThat(r.err()).contains("line 2, column 8", "'steps' must be a whole number; found a list");
        CliRunner value = run("value.yaml", "preset: langevin\nparts:\n  entropy:\n    id: boltzmann\n"
                + "    params:\n      beta: -1\n");
        assertThat(value.err()).contains("line 6, column 13", "entropy 'boltzmann'", "beta", "-1", "> 0");
        CliRunner parts = run("parts.yaml", "preset: langevin\nparts: [energy]\n");
        assertThat(parts.err()).contains("line 2, column 8", "'parts' must be a mapping");
    }

    @Test
    void wrongTypeInJson() throws Exception {
        CliRunner r = run("type.json", "{\n  \"preset\": \"langevin\",\n  \"dt\": \"fast\"\n}\n");
        assertThat(r.err()).contains("line 3, column 9", "'dt' must be a finite real number; found 'fast'");
        CliRunner value = run("value.json", "{\n  \"preset\": \"langevin\",\n  \"parts\": {\"energy\": {\"id\":"
                + " \"double-well\", \"params\": {\"tilt\": \"abc\"}}}\n}\n");
        assertThat(value.err()).contains("line 3, column 64", "energy 'double-well'", "tilt", "'abc'");
    }

    @Test
    void badPartIdInYaml() throws Exception {
        CliRunner r = run("id.yaml", "preset: langevin\nparts:\n  energy: {id: quadratc}\n");
        assertThat(r.err()).contains("line 3, column 16", "unknown energy 'quadratc'", "did you mean 'quadratic'");
        CliRunner plain = run("plain.yaml", "preset: langevin\nparts:\n  noise: therml\n");
        assertThat(plain.err()).contains("line 3, column 10", "unknown noise 'therml'", "'thermal'");
        CliRunner cls = run("class.yaml", "preset: langevin\nparts:\n  energy: org.example.Evil\n");
        assertThat(cls.err()).contains("line 3, column 11", "not a part id");
    }

    @Test
    void badPartIdInJson() throws Exception {
        CliRunner r = run("id.json", "{\n  \"preset\": \"langevin\",\n  \"parts\": {\n    \"scheme\": \"eulr\"\n"
                + "  }\n}\n");
        assertThat(r.err()).contains("line 4, column 15", "unknown scheme 'eulr'", "'euler'");
        CliRunner preset = run("preset.json", "{\"preset\": \"langevn\"}");
        assertThat(preset.err()).contains("line 1, column 12", "unknown preset 'langevn'", "'langevin'");
    }

    @Test
    void aSummaryFileIsLocatedUnderItsSpec() throws Exception {
        CliRunner r = run("summary.json", "{\"provenance\": {},\n \"spec\": {\"preset\": \"langevin\",\n"
                + "  \"dt\": -1}}\n");
        assertThat(r.err()).contains("line 3, column 9", "dt = -1.0 is not valid");
    }

    @Test
    void syntaxErrorsStillSayWhere() throws Exception {
        CliRunner r = run("syntax.yaml", "preset: langevin\nparts:\n  energy: {id: quadratic\n");
        assertThat(r.err()).contains("line ", "column ");
    }
}

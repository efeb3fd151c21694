// New ids are made from names in any script, transliterated, readable, and valid. Regression: "Łukasz Żuk" became
// "ukasz-zuk" and "Ørsted" "rsted" (letters that do not decompose were dropped), and a Greek, Arabic or Japanese
// name gave no id at all, so that `npm run import` refused the export.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importMessages } from "../../src/author/import-messages.ts";
import { newPerson } from "../../src/author/new-person.ts";
import { scaffoldEdition } from "../../src/author/scaffold-edition.ts";
import { check } from "../../src/cli/check.ts";
import { tempDir } from "./helpers.ts";

let root: string;
beforeAll(async () => {
  root = path.join(await tempDir("author-ids-"), "names");
  await scaffoldEdition(root, { title: "Names", today: new Date("2026-05-01T12:00:00Z") });
});
afterAll(() => rm(path.dirname(root), { recursive: true, force: true }));

describe("ids from names", () => {
  it.each([
    ["Łukasz Żuk", "lukasz-zuk"],
    ["Ørsted", "orsted"],
    ["Þóra Ægisdóttir", "thora-aegisdottir"],
    ["Élodie O’Brien", "elodie-obrien"],
    ["Ελένη Παπαδοπούλου", "eleni-papadopoyloy"],
    ["Наталья Смирнова", "natalya-smirnova"],
    ["مريم حداد", "mrym-hdd"],
    ["たなか けいこ", "tanaka-keiko"],
    ["田中 恵子", "tian-zhong-hui-zi"],
  ])("npm run new -- person --name %j makes the id %j", async (name, id) => {
    const { person } = await newPerson({ edition: root, name });
    expect(person).toMatchObject({ id, name });
  });

  it("lets npm run import add people whose names are in Greek, Arabic and Japanese, and the edition checks clean", async () => {
    const file = path.join(path.dirname(root), "letters.csv");
    await writeFile(
      file,
      "sender,recipients,timestamp,text\nΝίκος Γεωργίου,Σοφία Αλεξίου,2024-05-01T09:30+03:00,Καλημέρα\nسارة نجار,Νίκος Γεωργίου,2024-05-02,مرحبا\nさとう はな,سارة نجار,2024-05-03,こんにちは\n",
    );
    const result = await importMessages({ file, edition: root });
    expect(result.addedPeople.map((person) => person.id)).toEqual(["nikos-georgioy", "sofia-alexioy", "sr-njr", "satou-hana"]);
    const people = await readFile(path.join(root, "edition", "people.yaml"), "utf8");
    expect(people).toContain("- id: satou-hana\n  name: さとう はな\n");
    expect((await check(root)).errors).toBe(0);
  });
});

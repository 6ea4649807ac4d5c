# model

## Что изменят «Отменить» и «Повторить» (src/model/notebook/summary.rs)

model-step-comparison-note = заметка к сравнению
model-step-comparison-note-text = текст заметки к сравнению
model-step-comparison-note-deletion = удаление заметки к сравнению
model-step-categories = категории
model-step-study = ваш собственный список людей, мест, написаний и терминов
model-step-group = { $count ->
    [one] { $count } изменение, внесённое одним действием
    [few] { $count } изменения, внесённых одним действием
   *[many] { $count } изменений, внесённых одним действием
}
model-step-highlight = выделение «{ $quote }»
model-step-a-highlight = выделение
model-step-highlight-deletion = удаление выделения
model-step-deletion-of = удаление «{ $quote }»
model-step-tags-of = теги «{ $quote }»
model-step-note-on = заметка к «{ $quote }»
model-step-category-of = категория «{ $quote }»
model-step-place-of = место пометки «{ $quote }»
model-step-annotation = пометка «{ $quote }»

## Итоги импорта пометок (src/model/import_report.rs)

model-import-added = { $count ->
    [one] Импортирована { $count } пометка
    [few] Импортированы { $count } пометки
   *[many] Импортировано { $count } пометок
}
model-import-on-text = «{ $title }»: { $count }
model-import-by-text = ({ $texts })
model-import-by-quote = { $count ->
    [one] { $count } пометка привязана к тексту по цитате
    [few] { $count } пометки привязаны к тексту по цитате
   *[many] { $count } пометок привязано к тексту по цитате
}
model-import-duplicates = { $count ->
    [one] { $count } пометка уже была (тот же идентификатор) и оставлена как есть
    [few] { $count } пометки уже были (тот же идентификатор) и оставлены как есть
   *[many] { $count } пометок уже было (тот же идентификатор) и оставлено как есть
}
model-import-unknown-texts = { $count ->
    [one] { $count } пометка не привязана ни к одному тексту и сохранена как потерянная
    [few] { $count } пометки не привязаны ни к одному тексту и сохранены как потерянные
   *[many] { $count } пометок не привязано ни к одному тексту и сохранено как потерянные
}
model-import-comparison-notes = { $count ->
    [one] а также { $count } заметка к сравнению
    [few] а также { $count } заметки к сравнениям
   *[many] а также { $count } заметок к сравнениям
}
model-import-ambiguous = { $count ->
    [one] «{ $quote }» встречается в { $count } тексте: { $texts }; привяжите пометку вручную.
    [few] «{ $quote }» встречается в { $count } текстах: { $texts }; привяжите пометку вручную.
   *[many] «{ $quote }» встречается в { $count } текстах: { $texts }; привяжите пометку вручную.
}
model-import-skipped-reason = { $reason }: { $count }
model-import-skip-not-an-annotation = не пометки
model-import-skip-no-id = без идентификатора
model-import-skip-no-target = без указания текста
model-import-skip-damaged-comparison-notes = повреждённые заметки к сравнениям
model-import-skip-pages-not-in-file = страницы, которых нет в файле (только их адреса)
model-import-skipped = { $count ->
    [one] Пропущен { $count } элемент ({ $reasons }).
    [few] Пропущены { $count } элемента ({ $reasons }).
   *[many] Пропущено { $count } элементов ({ $reasons }).
}
model-import-other-selectors = { $count ->
    [one] Не учтён { $count } селектор другого вида.
    [few] Не учтены { $count } селектора других видов.
   *[many] Не учтено { $count } селекторов других видов.
}

## Открытие профиля (src/storage/open.rs)

model-profile-busy-process = Этот профиль уже открыт другим экземпляром Lectern (процесс { $pid }), поэтому окно открыто только для чтения: ваши пометки в безопасности, их сохраняет другой экземпляр.
model-profile-busy = Этот профиль уже открыт другим экземпляром Lectern, поэтому окно открыто только для чтения: ваши пометки в безопасности, их сохраняет другой экземпляр.
model-profile-not-writable = В папку профиля { $folder } нельзя записывать ({ $error }), поэтому профиль открыт только для чтения: в этом сеансе ничего не будет сохранено.
model-notebook-unreadable = Не удалось прочитать тетрадь ({ $error }), поэтому профиль открыт только для чтения: в нём ничего не будет изменено.
model-notebook-not-moved = Не удалось перенести тетрадь в её папку ({ $error }), поэтому профиль открыт только для чтения: в нём ничего не будет изменено.
model-notebook-moved = Теперь ваша тетрадь хранится в папке «notebook», по небольшому файлу на каждую пометку, чтобы Syncthing, Dropbox, Nextcloud или git могли переносить её между компьютерами; снимок тетради в прежнем виде сохранён среди резервных копий.
model-merge-not-written = Результат слияния не удалось записать полностью ({ $error }); он будет записан при следующем сохранении.
model-notebook-folder-missing = Папка тетради { $folder } отсутствует, а её снимков не найдено, поэтому профиль открыт только для чтения: ничего не будет перезаписано.
model-notebook-folder-restored = Папка тетради отсутствовала: она восстановлена из последнего снимка ({ $snapshot }).
model-notebook-folder-not-written = Восстановленную папку не удалось записать на диск ({ $error }).

## Тексты, импортированные в профиль (src/storage/import.rs)

model-imported-conflict-copy = { $file } — конфликтная копия импортированного текста, созданная программой синхронизации: используется собственный файл текста, а копия оставлена, чтобы вы могли сравнить её с ним или удалить.
model-imported-file-unreadable = Не удалось прочитать { $file }: { $error }
model-imported-text-unreadable = Не удалось прочитать импортированный текст: { $error }
model-imported-file-failed = Не удалось прочитать { $file }

## Папка записей тетради (src/storage/notebook_dir.rs)

model-recovered-in-annotations = { $what }: файл этой записи не удалось прочитать (он сохранён в папке профиля local/damaged), поэтому запись взята из снимка от { $snapshot }; теперь она в списке пометок.
model-recovered-in-comparison-notes = { $what }: файл этой записи не удалось прочитать (он сохранён в папке профиля local/damaged), поэтому запись взята из снимка от { $snapshot }; теперь она среди заметок своего сравнения.
model-recovered-in-trash = { $what }: файл этой записи не удалось прочитать (он сохранён в папке профиля local/damaged), поэтому запись взята из снимка от { $snapshot }; теперь она в Корзине, где и лежала во всех снимках, которые её содержат.
model-recovered-in-notebook = { $what }: файл этой записи не удалось прочитать (он сохранён в папке профиля local/damaged), поэтому запись взята из снимка от { $snapshot }; она снова в вашей тетради.
model-records-newer = Некоторые записи тетради сделаны более новой версией Lectern, поэтому профиль открыт только для чтения: чтобы изменять его, обновите Lectern.
model-records-merged = { $count ->
    [one] Слита { $count } конфликтная копия записей тетради, принесённая синхронизацией.
    [few] Слиты { $count } конфликтные копии записей тетради, принесённые синхронизацией.
   *[many] Слито { $count } конфликтных копий записей тетради, принесённых синхронизацией.
}
model-records-diverged = { $count ->
    [one] { $count } пометка изменена двух устройствах одновременно: сохранены обе версии заметки; выберите одну из них в панели пометок.
    [few] { $count } пометки изменены на двух устройствах одновременно: сохранены обе версии заметки; выберите одну из них в панели пометок.
   *[many] { $count } пометок изменено на двух устройствах одновременно: сохранены обе версии заметки; выберите одну из них в панели пометок.
}
model-record-damaged = Не удалось прочитать запись тетради { $file }; файл сохранён в папке профиля local/damaged.
model-record-annotation = Пометка «{ $quote }» к тексту { $text }
model-record-comparison-note = Заметка к «{ $quote }» в сравнении «{ $comparison }» ({ $segment })
model-record-comparison = Ваше сравнение «{ $title }»
model-record-categories = Ваши категории
model-record-study = Ваш список людей, мест, написаний и терминов

## Категории нового профиля (src/model/annotation.rs), пока читатель не переименовал их

model-category-key-argument = Главный довод
model-category-question = Вопрос
model-category-evidence = Свидетельство
model-category-disagree = Возражение
model-category-term = Термин
model-category-follow-up = Проверить

## Обозначения в сравнении (src/model/comparison/export.rs)

model-key-sentence = { $marks }; { $reference }; { $counted }.
model-key-inline = Удалённые или заменённые слова зачёркнуты, добавленные подчёркнуты
model-key-inline-bold = Удалённые или заменённые слова зачёркнуты, добавленные выделены полужирным
model-key-columns = Удалённые слова зачёркнуты в более ранней редакции, добавленные подчёркнуты в более поздней, а изменённые выделены курсивом в обеих
model-marked-against-previous = каждая редакция размечена относительно ближайшей более ранней редакции на том же языке
model-marked-against-base-in-its-language = редакции на том же языке, что и «{ $label }», размечены относительно неё; редакции на других языках не размечены
model-marked-against-base = все редакции размечены относительно «{ $label }»
model-every-character-counts = учитывается каждый символ
model-not-counted = не учитываются различия: { $ignored }
model-ignored-case = регистр
model-ignored-punctuation = пунктуация
model-ignored-quotes-dashes = виды кавычек и тире
model-ignored-white-space = пробелы

## Счёт расхождений (src/model/diff/marks.rs)

model-same-wording = формулировки совпадают
model-words-changed = { $count ->
    [one] изменено { $count } слово
    [few] изменено { $count } слова
   *[many] изменено { $count } слов
}
model-words-removed = { $count ->
    [one] удалено { $count } слово
    [few] удалено { $count } слова
   *[many] удалено { $count } слов
}
model-words-added = { $count ->
    [one] добавлено { $count } слово
    [few] добавлено { $count } слова
   *[many] добавлено { $count } слов
}

## Даты (src/model/timeline.rs)

model-date-day = { $day } { $month } { $year }
model-date-month = { $month } { $year }
model-date-days = { $from }–{ $to } { $month } { $year }
model-date-days-across-months = { $from } { $from_month } – { $to } { $to_month } { $year }
model-date-span = { $from } – { $to }
model-date-before = до { $date }
model-month-of = { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
}
model-month = { $month ->
    [1] январь
    [2] февраль
    [3] март
    [4] апрель
    [5] май
    [6] июнь
    [7] июль
    [8] август
    [9] сентябрь
    [10] октябрь
    [11] ноябрь
   *[12] декабрь
}
model-month-short = { $month ->
    [1] янв.
    [2] февр.
    [3] мар.
    [4] апр.
    [5] май
    [6] июн.
    [7] июл.
    [8] авг.
    [9] сент.
    [10] окт.
    [11] нояб.
   *[12] дек.
}

## Языки редакций при сличении (src/model/collation/languages.rs)

model-language-ru = русский
model-language-en = английский
model-language-ka = грузинский
model-language-uk = украинский
model-language-de = немецкий
model-language-fr = французский
model-language-unknown = неизвестный язык
model-collation-apart = Редакции на разных языках ({ $first }, { $last }) не сличаются между собой.

## Отметка дня на оси хронологии (src/model/timeline.rs)

model-tick-day = { $day } { $month ->
    [1] янв.
    [2] февр.
    [3] марта
    [4] апр.
    [5] мая
    [6] июня
    [7] июля
    [8] авг.
    [9] сент.
    [10] окт.
    [11] нояб.
   *[12] дек.
}

## О чём заметка к сравнению (src/model/comparison/mod.rs)

model-note-subject = { $quote } вместо { $reference_quote } ({ $witness } относительно { $reference })
model-note-subject-in = { $quote } в редакции { $witness }
model-note-subject-segment = Сегмент { $segment }
model-note-quoted = «{ $quote }»
model-note-nothing = ничего

## Объём импортированного текста (src/storage/import.rs)

model-extent-paragraphs = { $count ->
    [one] { $count } абзац
    [few] { $count } абзаца
   *[many] { $count } абзацев
}
model-extent-parts = { $count ->
    [one] { $count } часть
    [few] { $count } части
   *[many] { $count } частей
}
model-extent-in-parts = { $paragraphs }, { $parts }

## Виды работы читателя, счёт (src/model/notebook/kinds.rs)

model-kind-annotation = { $count ->
    [one] { $count } пометка
    [few] { $count } пометки
   *[many] { $count } пометок
}
model-kind-trashed-annotation = { $count ->
    [one] { $count } пометка в Корзине
    [few] { $count } пометки в Корзине
   *[many] { $count } пометок в Корзине
}
model-kind-comparison-note = { $count ->
    [one] { $count } заметка к сравнению
    [few] { $count } заметки к сравнениям
   *[many] { $count } заметок к сравнениям
}
model-kind-trashed-comparison-note = { $count ->
    [one] { $count } заметка к сравнению в Корзине
    [few] { $count } заметки к сравнениям в Корзине
   *[many] { $count } заметок к сравнениям в Корзине
}
model-kind-carried-note = { $count ->
    [one] { $count } перенесённая заметка
    [few] { $count } перенесённые заметки
   *[many] { $count } перенесённых заметок
}
model-kind-comparison = { $count ->
    [one] { $count } собственное сравнение
    [few] { $count } собственных сравнения
   *[many] { $count } собственных сравнений
}
model-kind-category = { $count ->
    [one] { $count } категория
    [few] { $count } категории
   *[many] { $count } категорий
}
model-kind-study-entry = { $count ->
    [one] { $count } собственная запись о человеке, месте, написании или термине
    [few] { $count } собственные записи о людях, местах, написаниях и терминах
   *[many] { $count } собственных записей о людях, местах, написаниях и терминах
}
model-kind-diverged-note = { $count ->
    [one] { $count } заметка, изменённая на другом устройстве и ждущая вашего выбора
    [few] { $count } заметки, изменённые на других устройствах и ждущие вашего выбора
   *[many] { $count } заметок, изменённых на других устройствах и ждущих вашего выбора
}
model-kinds-more-than-now = { $count ->
    [one] на { $count } больше, чем сейчас
    [few] на { $count } больше, чем сейчас
   *[many] на { $count } больше, чем сейчас
}
model-kinds-fewer-than-now = { $count ->
    [one] на { $count } меньше, чем сейчас
    [few] на { $count } меньше, чем сейчас
   *[many] на { $count } меньше, чем сейчас
}
model-kinds-nothing = ничего
model-kinds-same-as-now = столько же, сколько сейчас
model-kinds-beside = { $counted } ({ $difference })
model-kinds-nothing-as-now = ничего, как и сейчас

## Перепривязка и восстановление (src/model/notebook.rs, src/model/notebook_import.rs)

model-reanchor-summary = Некоторые тексты изменились после того, как вы сделали пометки: вместе со своим фрагментом перенесено { $moved }{ $similar }; не удалось разместить { $orphaned } — { $orphaned ->
    [one] она показана
   *[other] они показаны
} в разделе «Потерянные пометки» панели пометок вместе с заметками.
model-reanchor-similar = {" "}(из них { $count } — к похожему, но не тому же фрагменту)
model-text-reanchor = Из { $annotations } этого текста { $moved }, { $stayed }, а { $orphaned } (они сохранены в списке потерянных).
model-text-reanchor-of = { $count ->
    [one] { $count } пометки
   *[other] { $count } пометок
}
model-text-reanchor-moved = { $count ->
    [one] { $count } перенесена вместе с фрагментом
    [few] { $count } перенесены вместе с фрагментами
   *[many] { $count } перенесено вместе с фрагментами
}
model-text-reanchor-stayed = { $count ->
    [one] { $count } осталась на месте
    [few] { $count } остались на месте
   *[many] { $count } осталось на месте
}
model-text-reanchor-orphaned = { $count } не удалось разместить
model-restore-nothing-differed = Ничто не отличалось от резервной копии.
model-restore-brought-back = возвращено: { $what }
model-restore-trashed = в Корзину перемещено то, чего не было в резервной копии ({ $what })
model-restore-kept = сохранено сделанное после неё ({ $what })
model-archive-added = Из архива тетради добавлено: { $added } (то, что уже было, оставлено как есть).

## Почему файл не импортирован (src/storage/import.rs)

model-import-io = Не удалось прочитать { $path }: { $error }.
model-import-empty = В файле { $path } нет текста; ничего не импортировано.
model-import-binary = Файл { $path } похож на двоичный, а не на текст; ничего не импортировано.
model-import-undecodable = Файл { $path } не является правильным текстом в кодировке { $encoding }; ничего не импортировано.
model-import-too-large = Размер файла { $path } — { $size } байт, больше, чем { $max } байт, которые импортирует Lectern; ничего не импортировано.
model-import-epub = { $path } — EPUB, который Lectern не может прочитать: { $reason }; ничего не импортировано.
model-import-pdf-encrypted = { $path } — зашифрованный PDF. Lectern не расшифровывает файлы, поэтому ничего не импортировано: откройте его в программе для PDF, которой известен пароль, сохраните или напечатайте копию без защиты и импортируйте её.
model-import-pdf-scanned = { $path } — PDF { $pages ->
    [one] из { $pages } страницы
   *[other] из { $pages } страниц
} без текста, только с изображениями страниц (скан), поэтому ничего не импортировано. Сначала добавьте текстовый слой распознаванием (OCR), например Tesseract (ocrmypdf --language rus+eng), и импортируйте результат.
model-import-pdf-broken = { $path } — повреждённый PDF ({ $reason }), поэтому ничего не импортировано. Скачайте или экспортируйте его заново.
model-import-pdf-bomb = { $path } — PDF, для чтения которого нужно больше, чем позволяет Lectern ({ $reason }), поэтому ничего не импортировано. Возможно, он повреждён или сделан так, чтобы исчерпать память.
model-import-pdf-too-many-pages = В { $path } { $pages } страниц — больше, чем { $max }, которые Lectern читает из одного PDF, поэтому ничего не импортировано. Разделите его на тома (например, qpdf --split-pages=500) и импортируйте каждый.
model-import-storage = Не удалось записать копию в профиль: { $error }.

## Печатные страницы фрагмента (src/model/annotation_export.rs)

model-page = с. { $page }
model-pages = с. { $first }–{ $last }

## Study groups: what reading a group's folder refused, and what is new.
group-refused-link = { $group }: { $file } — ссылка, а ссылки в папке группы не открываются.
group-refused-name = { $group }: { $file } назван не так, как файлы группы (простой идентификатор), и не прочитан.
group-refused-large = { $group }: { $file } занимает { $kib } КиБ, больше допустимых { $limit } КиБ, и не прочитан.
group-refused-malformed = { $group }: { $file } не удалось прочитать ({ $why }); он оставлен как есть.
group-refused-version = { $group }: { $file } версии { $version }, которой этот Lectern не знает; его прочтёт более новый Lectern.
group-refused-flood = { $group }: у { $member } { $found } файлов — больше, чем может быть у участника; прочитаны первые { $read }.
group-new = { $count ->
    [one] { $count } новая заметка от { $who } в группе «{ $group }»
    [few] { $count } новые заметки от { $who } в группе «{ $group }»
   *[many] { $count } новых заметок от { $who } в группе «{ $group }»
}
group-key-changed = У { $name } сменился ключ в группе «{ $group }»; прежний ключ подписал смену.
group-key-changed-unendorsed = У { $name } сменился ключ в группе «{ $group }», и прежний ключ смену не подписал: спросите { $name }, сделано ли это им. Пока подписанное новым ключом показано как написанное { $name }.
group-unverified = не подтверждено
group-unverified-tip = Подпись этой записи не сходится ни с одним ключом, опубликованным { $name }: её изменили вручную, написал кто-то другой или она подписана ключом, которым { $name } больше не пользуется.

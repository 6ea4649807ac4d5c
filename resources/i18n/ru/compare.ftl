# compare: окно сравнения (src/ui/compare_view) и окно сличения (src/ui/collation_view).

## compare_view/mod.rs

compare-profile-custom = Своя настройка
compare-profile-wording = Слова
compare-profile-typography = Пунктуация
compare-profile-exact = Каждый символ
compare-stopped-unexpectedly = Сравнение неожиданно прервалось.
compare-cancelled = Сравнение отменено.

## compare_view/view.rs

compare-close = Закрыть сравнение
compare-dock-below = Под текстами
compare-fill-window = Во всё окно
compare-about = ℹ Описание
compare-about-name = Об этом сравнении
compare-witnesses-menu = Редакции ({ $count })
compare-witnesses-menu-some = Редакции ({ $shown } из { $count })
compare-show-witness = Показывать «{ $witness }»
compare-witnesses-menu-tip = Показать или скрыть редакции
compare-layout-columns = Столбцами
compare-layout-inline = Одним столбцом
compare-difference-of = Расхождение { $current } из { $count }
compare-differences = { $count ->
    [one] { $count } расхождение
    [few] { $count } расхождения
   *[many] { $count } расхождений
}
compare-count-as-different = Считать расхождением:
compare-ignore-case = Не учитывать регистр
compare-ignore-punctuation = Не учитывать пунктуацию
compare-unify-quotes-and-dashes = Не различать виды кавычек и тире
compare-ignore-white-space = Не учитывать пробелы
compare-yo-as-ye = Не различать ё и е
compare-fewer-with-exact = Расхождение — это одна цепочка изменённых слов. При настройках «Каждый символ» и «Пунктуация» в счёт идут и изменённая запятая или кавычка, поэтому два изменения, между которыми изменён лишь знак, сливаются в одно, более длинное: при этих настройках расхождений может оказаться меньше, чем при настройке «Слова», зато каждое из них длиннее.
compare-earlier-witness = предыдущая редакция
compare-mark-against = Размечать относительно:
compare-earlier-witness-same-language = Предыдущая редакция на том же языке
compare-mark-against-tip = Слова сравниваются только в пределах одного языка: редакция на языке, отличном от языка выбранной, не размечается
compare-export = Экспорт
compare-collate = Сличить
compare-note-on-difference = Заметка к расхождению
compare-note-on-difference-tip = Написать заметку к текущему расхождению (переход между расхождениями — F7)
compare-note-on-difference-disabled = Сначала перейдите к расхождению (F7)
compare-key = Обозначения:{" "}
compare-key-struck-through = зачёркнуты
compare-key-underlined = подчёркнуты
compare-key-in-italics = курсивом
compare-cancelling = Отмена…
compare-aligning = Выравнивание редакций…
compare-segments-done = { $count ->
    [one] { $done } из { $count } сегмента
    [few] { $done } из { $count } сегментов
   *[many] { $done } из { $count } сегментов
}
compare-columns-dont-fit = Здесь помещаются рядом не все редакции ({ $fit } из { $count }): прокрутите вбок к остальным, скройте часть в меню «Редакции» или переключитесь на вид «Одним столбцом».
compare-columns-dont-fit-or = Здесь помещаются рядом не все редакции ({ $fit } из { $count }): прокрутите вбок к остальным, скройте часть в меню «Редакции», переключитесь на вид «Одним столбцом» или
compare-fill-window-for-columns = Во всё окно, чтобы показать все столбцы

## compare_view/heads.rs

compare-witnesses = Редакции
compare-status-original = подлинник
compare-status-translation = перевод
compare-status-reconstruction = редакторская реконструкция
compare-status-summary = пересказ, не цитата
compare-not-marked-language = Не размечена: её язык ({ $language }) не совпадает с языком редакции «{ $witness }» ({ $other })
compare-in-all = Всего: { $summary }

## compare_view/rows.rs

compare-note = Заметка
compare-note-tip = Написать заметку к этому сегменту
compare-note-on-segment = Заметка к сегменту { $segment }
compare-inline-head = { $number }. { $witness } (относительно { $reference }.)
compare-nothing-here = В этой редакции здесь ничего нет
compare-carried-from = Заметка перенесена из редакции «{ $witness }» на слова «{ $words }»
compare-sureness-tip = Сколько слов заметки есть и в этой формулировке — по пословному сравнению двух формулировок
compare-copy-here = Скопировать сюда
compare-copy-here-tip = Сделать её заметкой этой редакции; заметка запомнит, откуда она перенесена
compare-open-passage-tip = Щёлкните, чтобы открыть этот фрагмент в его тексте
compare-source = Источник: { $source }
compare-note-on = Заметка: { $subject }
compare-note-carried-from = Перенесена из редакции «{ $witness }»: «{ $quote }»
compare-note-hint = Ваша заметка к этому расхождению…
compare-note-name = Заметка: { $subject }
compare-delete-note = Удалить заметку
compare-no-category = Без категории
compare-category = Категория

## compare_view/picture.rs

compare-picture-row-left-out = Строка { $count } из { $count } не поместилась: изображение целиком было бы высотой около { $height } px; чтобы получить всё сравнение, экспортируйте его в Markdown или HTML.
compare-picture-rows-left-out = Строки { $first }–{ $count } из { $count } не поместились: изображение целиком было бы высотой около { $height } px; чтобы получить всё сравнение, экспортируйте его в Markdown или HTML.
compare-picture-no-size = у изображения нет размера

## collation_view/mod.rs

compare-collation-tab-table = Таблица
compare-collation-tab-apparatus = Критический аппарат
compare-collation-tab-overview = Обзор
compare-collation-export-tei = Экспортировать в TEI…
compare-collation-export-tei-tip = Сохранить это сличение в формате TEI P5 с параллельной сегментацией (чтения относительно основного текста аппарата) — для издания или другой программы сличения
compare-collation-export-pdf = Печать в PDF…
compare-collation-export-pdf-tip = Сохранить это сличение в PDF для печати: свидетели, таблица (каждое место, каждое чтение со свидетелями) и аппарат относительно выбранного основного текста
compare-collation-counts = { $count ->
    [one] { $count } редакция
    [few] { $count } редакции
   *[many] { $count } редакций
}, { $places ->
    [one] { $places } место
    [few] { $places } места
   *[many] { $places } мест
}, из них с расхождениями: { $variants }

## collation_view/apparatus.rs

compare-collation-variants = Разночтения
compare-collation-show-place = Показать это место в таблице
compare-collation-majority = Чтение большинства
compare-collation-base-text = Основной текст:

## collation_view/overview.rs

compare-collation-variation = Разночтения по ходу текста
compare-collation-variation-name = Разночтения по ходу текста: щёлкните, чтобы показать это место в таблице
compare-collation-distances = Расстояния: доля мест, в которых расходится каждая пара редакций

## collation_view/table.rs

compare-collation-moved = (переставлено)
compare-collation-moved-here = { $reading } (переставлено сюда)
compare-collation-place = Место { $place }: { $readings }
compare-collation-witness = Редакция { $witness }

## collation_view/window.rs

compare-collation-stopped = сличение прервалось до завершения
compare-collation-export-stopped = экспорт прервался
compare-collation-exported = Экспортировано в { $path }.
compare-collation-export-failed = Экспорт не удался: { $why }.
compare-collation-no-file-dialog = Для команды «Экспортировать в TEI…» нужно окно выбора файла, а в этой среде рабочего стола его нет; тот же файл записывает команда `lectern collate … --format tei > FILE`.
compare-collation-export-dialog = Экспортировать сличение в TEI
compare-collation-failed = Не удалось сличить редакции: { $why }.
compare-collation-collating = Сличение редакций…

# app

notice-no-profile = Не удалось открыть папку профиля, поэтому в этом сеансе ничего не будет сохранено.
menu-language = Язык
menu-citation-style = Стиль ссылок

## annotating.rs

app-undid = Отменено: { $what }
app-redid = Повторено: { $what }
app-read-only-no-changes = Этот профиль открыт только для чтения, поэтому пометки в этом окне изменить нельзя.
app-nothing-restored = Ничего не восстановлено: { $error }.
app-nothing-restored-not-kept = Ничего не восстановлено: не удалось сначала сохранить тетрадь в нынешнем виде ({ $error }).
app-restored = Восстановлена резервная копия от { $at }. { $what } Тетрадь в прежнем виде сохранена как резервная копия { $kept }.
app-restored-undoable = Восстановлена резервная копия от { $at }. { $what } Тетрадь в прежнем виде сохранена как резервная копия { $kept }. Команда «Отменить» (Ctrl+Z) вернёт всё как было.

## apply.rs

app-wording-number = Формулировка { $number }
app-pasted-wordings = Вставленные формулировки

## collation.rs

app-collation-window = Сличение — { $title }
app-collation-stopped = сличение прервалось до завершения
app-collation-language = Язык:
app-collation-failed = Не удалось сличить редакции: { $error }.
app-collating = Сличение редакций…
app-collate-no-comparison = Чтобы сличить редакции, откройте сравнение.
app-collate-too-few = Для сличения нужны хотя бы две редакции на одном языке; в этом сравнении таких нет.

## comparisons.rs

app-note-comparison-gone = Сравнение, к которому относится эта заметка, больше недоступно; в заметке сохранены формулировки, о которых она написана.
app-comparison-gone = Это сравнение больше недоступно.
app-compare-selections-how = Чтобы сравнить выделенные фрагменты, выделите по фрагменту в двух панелях (второй текст открывается кнопкой «Рядом»).
app-selections-title = Выделенные фрагменты: { $labels }
app-compare-texts-how = Чтобы сравнить тексты, сначала откройте рядом два или три текста.
app-texts-title = Тексты: { $labels }
app-passage-not-found = Фрагмент не найден в тексте «{ $title }»: возможно, текст изменился.

## files.rs

app-text-not-put-back = Не удалось вернуть текст: { $error }.
app-text-not-removed = Не удалось убрать текст: { $error }.
app-export-dialog-title = Экспортировать сравнение
app-drawing-stopped = отрисовка неожиданно прервалась
app-no-image = Не удалось создать изображение: { $error }.
app-export-stopped = экспорт прервался
app-exported-to-left-out = Экспортировано в { $path }. { $left_out }
app-exported-to = Экспортировано в { $path }.
app-export-failed = Экспорт не удался: { $error }.
app-import-stopped = Импорт неожиданно прервался.
app-nothing-imported-file-has = Ничего не импортировано, файл не подходит: { $error }.
app-nothing-imported = Ничего не импортировано: { $error }.
app-drop-read-only = Это окно открыто только для чтения: перетащенные файлы не импортируются
app-drop-one = Отпустите, чтобы импортировать «{ $name }» в библиотеку
app-drop-many = { $count ->
    [one] Отпустите, чтобы по очереди импортировать { $count } файл в библиотеку
    [few] Отпустите, чтобы по очереди импортировать { $count } файла в библиотеку
   *[many] Отпустите, чтобы по очереди импортировать { $count } файлов в библиотеку
}
app-file-dialog-closed = Окно выбора файла неожиданно закрылось; ничего не открыто.

## handover.rs

app-handed-opened = Открыто в окне Lectern, где открыт этот профиль: { $said }.
app-handed-given = Передано окну Lectern, где открыт этот профиль: { $said }.
app-handed-comparing = «{ $first }» и «{ $second }» сравниваются в окне Lectern, где открыт этот профиль.
app-handed-read-only = в этом окне профиль открыт только для чтения
app-in-library-notice = Текст «{ $title }» остался в библиотеке: все три панели заняты.
app-handed-no-file = не указан файл для импорта
app-file-not-opened = Не удалось открыть { $path }: { $error }

## history.rs

app-replaced = Текст «{ $title }» теперь открыт в панели { $pane } вместо «{ $old }». Кнопка «Назад» (Alt+Left) снова откроет «{ $old }» там, где вы остановились.

## menus.rs

app-menu-file = Файл
app-menu-export-annotations = Экспортировать пометки
app-menu-of-all-texts = Всех текстов
app-menu-of-current-text = Текущего текста
app-menu-edit = Правка
app-menu-highlight-in = Выделить: { $category }
app-menu-view = Вид
app-menu-pane = Панель
app-menu-compare = Сравнение
app-menu-help = Справка
app-menu-version = Lectern { $version }

## mod.rs

app-no-text-with-id = Текста с идентификатором «{ $id }» нет (список текстов выводит `lectern list`).

## search.rs

app-hit-note-on-text = Заметка к тексту «{ $title }»
app-hit-tag-on-text = Тег «{ $tag }» в тексте «{ $title }»
app-hit-comparison-note = Заметка к сравнению «{ $title }», { $segment }
app-hit-wording = «{ $title }», { $segment }, { $witness }

## session.rs

app-profile-not-opened = Не удалось открыть профиль: { $error }.
app-pane-text-gone = В панели был открыт текст «{ $text }», которого больше нет в библиотеке; панель закрыта.
app-not-saved = Не удалось сохранить вашу работу ({ $error }). Она хранится в памяти, и Lectern попробует ещё раз.

## sync.rs

app-sync-not-read = Не удалось прочитать данные, полученные при синхронизации ({ $error }).

## text_import.rs

app-it-not-in-library = его нет в библиотеке
app-it-open-in-pane = он открыт в панели { $pane }
app-it-open = он открыт
app-it-open-beside = он открыт в панели { $pane }, рядом с «{ $beside }»
app-it-in-library = он остался в библиотеке: все три панели заняты
app-titled-not-in-library = текста «{ $title }» нет в библиотеке
app-titled-open-in-pane = текст «{ $title }» открыт в панели { $pane }
app-titled-open = текст «{ $title }» открыт
app-titled-open-beside = текст «{ $title }» открыт в панели { $pane }, рядом с «{ $beside }»
app-titled-in-library = текст «{ $title }» остался в библиотеке: все три панели заняты
app-dropped-read-only = { $count ->
    [1] Это окно открыто только для чтения, поэтому перетащенный файл не импортирован.
   *[other] Это окно открыто только для чтения, поэтому перетащенные файлы не импортированы.
}
app-no-profile-to-import = Папка профиля не открыта, поэтому импортировать ничего нельзя.
app-folder-not-created = Не удалось создать папку { $folder }: { $error }
app-reimported = Текст «{ $title }» ({ $encoding }) повторно импортирован в библиотеку и ваш профиль; { $place }.
app-imported = Текст «{ $title }» ({ $encoding }) импортирован в библиотеку и ваш профиль; { $place }.
app-import-window = Импорт текста
app-import-read-as = { $extent }, прочитано в кодировке { $encoding }. Проверьте, что файл сообщает о себе:
app-import-title = Название
app-import-author = Автор
app-import-date = Дата (ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)
app-import-language = Язык (en, ru, ka …)
app-import-source = Источник
app-import-translator = Переводчик
app-import-reference = Где напечатан (Collected Works, vol. 42, pp. 421–423)
app-import-url = Адрес в сети
app-import-from-reference = Из библиографической записи (Zotero, BibTeX)
app-import-reference-source = Запись (CSL-JSON или BibTeX)
app-import-reference-hint = Вставьте «Экспорт записи» Zotero (CSL JSON) или запись BibTeX
app-import-reference-unreadable = Это не CSL-JSON и не BibTeX, которые Lectern может прочитать: { $error }
app-import-reference-empty = В тексте нет ни одной библиографической записи.
app-import-reference-taken = { $count ->
    [one] Заполнено из «{ $title }».
    [few] Заполнено из «{ $title }», одной из { $count } записей.
    [many] Заполнено из «{ $title }», одной из { $count } записей.
   *[other] Заполнено из «{ $title }», одной из { $count } записей.
}

## windows.rs

app-removed-banner = Текст «{ $title }» убран из библиотеки; его файл и ваши пометки к нему сохранены.
app-read-only-banner = Этот профиль открыт только для чтения: изменения в этом сеансе не сохраняются.
app-dismiss = Скрыть
app-status-pane = Панель { $pane } · абзац { $at } из { $of } · { $percent }%
app-status-selected = { $count ->
    [one] Выделен { $count } символ
    [few] Выделено { $count } символа
   *[many] Выделено { $count } символов
}
app-status-no-text = Нет открытого текста
app-status-font-size = { $size } пт
app-status-reading-mb = Чтение: { $done } из { $total } МБ
app-status-reading-pages = Чтение: страница { $done } из { $total }
app-status-reading-file = Чтение файла…
app-paste-window = Сравнение вставленных формулировок
app-paste-how = Вставьте или введите от двух до шести формулировок; расхождения остальных отмечаются относительно первой.
app-paste-add = Добавить формулировку
app-paste-compare = Сравнить формулировки
app-paste-fill-two = Заполните хотя бы две формулировки
app-shortcuts-window = Сочетания клавиш
app-shortcuts-close = Esc или F1 закрывает это окно.
app-import-path-window = Импорт текста из файла
app-import-path-how = В этой среде рабочего стола нет окна выбора файлов: введите или вставьте путь к текстовому файлу, файлу Markdown, HTML, EPUB или PDF (или перетащите файл в окно).
app-import-path-label = Путь к файлу
app-import-path-hint = /home/вы/письма/1923-03-05 Троцкому.txt
app-import-path-read = Прочитать файл
app-cancel = Отмена
app-import-path-no-file = Файл «{ $path }» не найден.
app-shortcuts-reading = Чтение
app-shortcuts-annotations = Выделения и заметки
app-shortcuts-comparing = Сравнение
app-shortcuts-finding = Поиск
app-shortcuts-window-group = Окно
app-shortcuts-files = Файлы
app-keys-scroll = Стрелки вверх / вниз, Page Up / Page Down, пробел
app-keys-scroll-what = Прокрутить активную панель
app-keys-home-end = Home / End
app-keys-home-end-what = Перейти к началу / концу текста
app-keys-clicks = Двойной / тройной щелчок
app-keys-clicks-what = Выделить слово / абзац
app-keys-shift-click = Shift+щелчок
app-keys-shift-click-what = Расширить выделение
app-keys-filter-enter = Enter / Ctrl+Enter в фильтре
app-keys-filter-enter-what = Открыть первое совпадение / рядом
app-keys-ctrl-click-result = Ctrl+щелчок по результату
app-keys-ctrl-click-result-what = Открыть его рядом
app-keys-or = { $first } или { $second }

## The Study groups window.
groups-window = Учебные группы
groups-you = Вы
groups-choose-name = Имя и цвет, которые видят ваши группы. Ваши заметки остаются личными, пока вы ими не поделитесь.
groups-name = Имя
groups-colour = Цвет вашего слоя
groups-join = Вступить в группу
groups-join-explained = Группа — это папка, которую переносит программа синхронизации каждого участника (Syncthing, Dropbox, Nextcloud, git). Укажите путь к ней; пустая папка начинает новую группу.
groups-folder = Папка
groups-group-name = Название
groups-highlight-by = Цвет чужих выделений по
groups-by-member = участнику
groups-by-category = категории
groups-reading = Группы читаются…
groups-new-count = новых: { $count }
groups-show-layers = Показывать слои этой группы
groups-members = Участники (у каждого свой слой: снимите флажок, чтобы скрыть его)
groups-you-are = { $name } (вы)
groups-select-to-share = Выберите свою заметку, чтобы поделиться ею здесь.
groups-new-in = Новое в группе «{ $group }»
groups-show-more = Показать ещё { $count }
groups-new = новое
groups-hidden = Скрыто у вас.
groups-resolved = Обсуждение закрыто.
groups-your-reply = Ваш ответ
groups-joined = Вы вступили в группу «{ $group }».
groups-shared = Отправлено в группу «{ $group }».
groups-failed = Не удалось изменить учебную группу: { $error }
groups-copied-from = От { $who } из группы «{ $group }»
groups-passage-not-here = Отрывка, к которому относится эта заметка, нет в вашей библиотеке.
groups-comparison-not-here = Сравнения, к которому относится эта заметка, нет ни в вашей библиотеке, ни в ваших группах.
groups-copied = Скопировано в вашу тетрадь.
groups-shared-comparison-unusable = Это сравнение нельзя открыть: оно неполное или его идентификатор не простое имя.
groups-panel-layer = Показаны заметки
groups-panel-mine = Мои
groups-panel-everyone = { $group }: все
groups-you-and-folders = Ваше имя и вступление в группу
groups-share-comparison = Или заметку к сравнению
groups-choose-note = Выбрать…
groups-comparison-item = Сравнение «{ $title }»
